import Foundation

/// Writes a feed's items, replaying from a long-running process's cache the bytes of items
/// whose posting, URL and translation links are unchanged, so that a rebuild after one edit
/// copies the other items instead of escaping their bodies again.
struct FeedItemReplay {
    let cache: BuildCache?
    let format: String

    func write(_ entry: CatalogEntry, to xml: XMLWriter,
               _ render: (CatalogEntry, XMLWriter) throws(XMLWriterError) -> Void) throws(XMLWriterError) {
        guard let cache, let stamp = entry.posting.source.stamp else { return try render(entry, xml) }
        let key = entry.posting.source.absolutePath + "\u{0}" + format
        let context = Self.context(of: entry)
        if let bytes = cache.feedItem(key, stamp: stamp, context: context) { return try xml.appendRecorded(bytes) }
        try xml.startRecording()
        try render(entry, xml)
        cache.store(feedItem: try xml.stopRecording(), for: key, stamp: stamp, context: context)
    }

    private static func context(of entry: CatalogEntry) -> String {
        ([entry.posting.url] + entry.translations.map { "\($0.language) \($0.url)" }).joined(separator: "\n")
    }
}
