import Foundation

/// One feed file being written: its header first, then the items of each chunk of postings
/// as they render, then its end. Used by one thread at a time.
///
/// With a long-running process's cache, an item whose posting, URL and translation links are
/// unchanged is replayed from the bytes an earlier build wrote, instead of escaping its body
/// again.
final class FeedStream: FormatWriter, @unchecked Sendable {
    let language: String
    let output: PendingOutput
    private let format: any FeedFormat
    private let xml: XMLWriter
    private let cache: BuildCache?
    private let cacheSuffix: String
    /// What the feed is made from, for a long-running process to compare next time.
    private let fingerprint: UInt64?
    /// Items left before the feed's limit (`limits.feedItems`).
    private var room: Int

    init(format: any FeedFormat, language: String, output: PendingOutput, cache: BuildCache?, fingerprint: UInt64?, limit: Int?) throws(DiagnosticError) {
        self.format = format
        room = limit ?? .max
        self.language = language
        self.output = output
        self.cache = cache
        self.fingerprint = fingerprint
        cacheSuffix = "\u{0}" + type(of: format).name
        do {
            xml = try XMLWriter(sink: output.sink)
            try format.header(xml)
        } catch {
            throw Self.failure(error, output.path)
        }
    }

    /// Writes the chunk's active postings of this feed's language, in order.
    func append(_ chunk: RenderedChunk) throws(DiagnosticError) -> [(String, PlannedFile)] {
        do {
            for item in chunk.items where room > 0 && item.entry.status == .active && item.entry.posting.language == language {
                try write(item.entry)
                room -= 1
            }
        } catch {
            throw Self.failure(error, output.path)
        }
        return []
    }

    func finish(into plan: inout OutputPlan) throws(DiagnosticError) {
        do {
            try format.footer(xml)
            try xml.finish()
        } catch {
            throw Self.failure(error, output.path)
        }
        plan.add(output)
        if let fingerprint { plan.fingerprints[output.path] = fingerprint }
    }

    private static func failure(_ error: XMLWriterError, _ path: String) -> DiagnosticError {
        DiagnosticError(.error("cannot write the feed: \(error)", at: SourceLocation(file: DisplayPath.of(path: path))))
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
