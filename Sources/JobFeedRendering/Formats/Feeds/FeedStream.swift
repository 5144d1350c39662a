import Foundation
import JobFeedCore

/// One feed file being written: its header first, then the items of each chunk of postings
/// as they render, then its end. Used by one thread at a time.
///
/// With a long-running process's cache, an item whose posting, URL and translation links are
/// unchanged is replayed from the bytes an earlier build wrote, instead of escaping its body
/// again.
package final class FeedStream: FormatWriter, @unchecked Sendable {
    package let language: String
    package let output: PendingOutput
    private let format: any FeedFormat
    private let xml: XMLWriter
    private let cache: RenderCache?
    /// The kind of bytes its items are in the cache.
    private let itemKind: String
    /// Items left before the feed's limit (`limits.feedItems`).
    private var room: Int
    /// With a limit, the items of the postings past it, which it never writes.
    package let unneeded: UnneededParts?

    /// `catalog`: the postings in feed order, for the limit to name the ones it writes.
    package init(format: any FeedFormat, language: String, output: PendingOutput, cache: RenderCache?, limit: Int?,
                 catalog: Catalog) throws(DiagnosticError) {
        self.format = format
        room = limit ?? .max
        itemKind = Self.itemKind(of: type(of: format))
        unneeded = UnneededParts.past(limit, kind: itemKind, language: language, in: catalog)
        self.language = language
        self.output = output
        self.cache = cache
        do {
            xml = try XMLWriter(sink: output.sink)
            try format.header(xml)
        } catch {
            throw Self.failure(error, output.path)
        }
    }

    /// Writes the chunk's active postings of this feed's language, in order.
    package func append(_ chunk: RenderedChunk) throws(DiagnosticError) {
        do {
            for item in chunk.items where room > 0 && item.entry.status == .active && item.entry.posting.language == language {
                try write(item)
                room -= 1
            }
        } catch {
            throw Self.failure(error, output.path)
        }
    }

    package func finish(into plan: inout OutputPlan) throws(DiagnosticError) {
        do {
            try format.footer(xml)
            try xml.finish()
        } catch {
            throw Self.failure(error, output.path)
        }
        plan.add(output)
    }

    /// The kind of bytes a dialect's items are in the cache.
    package static func itemKind(of dialect: any FeedFormat.Type) -> String {
        dialect.name + "-item"
    }

    package var partKind: String? { itemKind }

    package func needsBytes(of entry: CatalogEntry, part: FormatPart) -> Bool {
        guard entry.status == .active, entry.posting.language == language else { return false }
        return !output.sink.copies(part)
    }

    private static func failure(_ error: XMLWriterError, _ path: String) -> DiagnosticError {
        DiagnosticError(.error("cannot write the feed: \(error)", at: SourceLocation(file: DisplayPath.of(path: path))))
    }

    /// The item the chunk brought from the cache, else the cache's, else rendered (and kept).
    private func write(_ item: RenderedChunk.Item) throws(XMLWriterError) {
        if let cached = item.parts[kind: itemKind] { return try xml.append(cached) }
        let entry = item.entry
        guard let cache, let slot = cache.slot(for: entry.entry) else { return try format.item(entry, xml) }
        if let cached = cache.part(itemKind, in: slot) { return try xml.append(cached) }
        try xml.startRecording()
        try format.item(entry, xml)
        output.sink.noteWritten(cache.store(try xml.stopRecording(), kind: itemKind, in: slot))
    }
}
