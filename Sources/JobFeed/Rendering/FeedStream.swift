import Foundation

/// One feed file being written: its header first, then the items of each chunk of postings
/// as they render, then its end. Used by one thread at a time.
///
/// With a long-running process's cache, an item whose posting, URL and translation links are
/// unchanged is replayed from the bytes an earlier build wrote, instead of escaping its body
/// again.
final class FeedStream: @unchecked Sendable {
    let language: String
    let output: PendingOutput
    private let format: any FeedFormat
    private let xml: XMLWriter
    private let cache: BuildCache?
    private let cacheSuffix: String

    init(format: any FeedFormat, language: String, output: PendingOutput, cache: BuildCache?) throws(XMLWriterError) {
        self.format = format
        self.language = language
        self.output = output
        self.cache = cache
        cacheSuffix = "\u{0}" + type(of: format).name
        xml = try XMLWriter(sink: output.sink)
        try format.header(xml)
    }

    /// Writes the chunk's active postings of this feed's language, in order.
    func append(_ entries: [RenderedEntry]) throws(XMLWriterError) {
        for entry in entries where entry.status == .active && entry.posting.language == language {
            try write(entry)
        }
    }

    func finish() throws(XMLWriterError) {
        try format.footer(xml)
        try xml.finish()
    }

    private func write(_ entry: RenderedEntry) throws(XMLWriterError) {
        guard let cache, let stamp = entry.posting.source.stamp else { return try format.item(entry, xml) }
        let key = entry.posting.source.absolutePath + cacheSuffix
        let context = Self.context(of: entry)
        if let bytes = cache.feedItem(key, stamp: stamp, context: context) { return try xml.appendRecorded(bytes) }
        try xml.startRecording()
        try format.item(entry, xml)
        cache.store(feedItem: try xml.stopRecording(), for: key, stamp: stamp, context: context)
    }

    /// What else an item's bytes depend on: its URL and its translations' links.
    private static func context(of entry: RenderedEntry) -> String {
        ([entry.posting.url] + entry.translations.map { "\($0.language) \($0.url)" }).joined(separator: "\n")
    }
}
