import Foundation
import JobFeedCore
import JobFeedReading
@_spi(Specialized) import JobFeedRendering

/// Renders a chunk of catalog entries on every core: each one's body (in its three forms), and
/// each format's part for it, reusing what a long-running process's cache holds for unchanged
/// files.
package struct ChunkRenderer: Sendable {
    /// Small enough that a chunk's bodies are a few megabytes (a walk holds a few chunks), large
    /// enough that handing one to a writer is rare beside rendering its postings.
    package static let chunkSize = 512

    package let cache: RenderCache?
    package let formats: [any OutputFormat]
    /// Cached bytes no output takes this build (a kept feed's items, items past a feed's
    /// limit): not read back, and not needed for the body to be skipped.
    package let unneeded: [UnneededParts]
    /// Which cached bytes the writers need read back (the rest they copy from their files).
    package let needs: PartNeeds?
    private let bodies = BodyRenderer()

    package init(formats: [any OutputFormat], cache: RenderCache?, unneeded: [UnneededParts] = [], needs: PartNeeds? = nil) {
        self.formats = formats
        self.cache = cache
        self.unneeded = unneeded
        self.needs = needs
    }

    /// What rendering one entry gave: its item, or why it has none; nil when a stop was asked
    /// for before it began.
    package typealias Outcome = Result<(item: RenderedChunk.Item, renderedBody: Bool), RenderError>?

    /// Renders one entry, unless `shouldStop` says a shutdown is waiting (asked between
    /// postings, so that it need not wait for a whole chunk of bodies). Runs on any core.
    package func outcome(of entry: CatalogEntry, shouldStop: @Sendable () -> Bool) -> Outcome {
        shouldStop() ? nil : Result { () throws(RenderError) in try render(entry) }
    }

    /// The chunk the entries' outcomes make, in the entries' order.
    package func chunk(of outcomes: [Outcome]) -> RenderedChunk {
        var chunk = RenderedChunk()
        for outcome in outcomes {
            guard let outcome else {
                chunk.stopped = true
                return chunk
            }
            switch outcome {
            case let .success(rendered):
                chunk.items.append(rendered.item)
                if rendered.renderedBody { chunk.bodiesRendered += 1 }
                chunk.partsLeftInCache += rendered.item.parts.values.count(where: \.isLeftInCache)
            case let .failure(error) where error.stopsTheBuild: chunk.failure = chunk.failure ?? error
            case let .failure(error): chunk.diagnostics.append(Diagnostic(.error, file: error.file, error.message))
            }
        }
        return chunk
    }

    /// A body that cannot render leaves its posting out; a format's part that cannot render
    /// stops the build (every output must hold every active posting).
    private func render(_ entry: CatalogEntry) throws(RenderError) -> (item: RenderedChunk.Item, renderedBody: Bool) {
        let slot = cache?.slot(for: entry)
        let (kept, complete) = slot.map { keptParts(entry, $0) } ?? (FormatParts(), false)
        if complete {
            // Every byte this posting contributes is cached: its body is never needed.
            return (RenderedChunk.Item(entry: RenderedEntry(entry: entry, body: .unrendered), parts: kept), false)
        }
        let posting = entry.posting
        let path = posting.source.absolutePath
        let stamp = posting.source.stamp
        let body: RenderedBody
        var renderedBody = false
        if let stamp, let cached = cache?.body(path, stamp: stamp, url: posting.url) {
            body = cached
        } else {
            renderedBody = true
            body = try bodies.render(posting)
            if let stamp { cache?.store(body, for: path, stamp: stamp, url: posting.url) }
        }
        let rendered = RenderedEntry(entry: entry, body: body)
        // What was cached is used as it was read; only the rest is rendered.
        var parts = kept
        for format in formats where parts[kind: format.id] == nil {
            do {
                guard let data = try format.part(rendered) else { continue }
                parts[kind: format.id] = slot.flatMap { cache?.store(data, kind: format.id, in: $0) } ?? FormatPart(data: data)
            } catch {
                var failure = error
                failure.stopsTheBuild = true
                throw failure
            }
        }
        return (RenderedChunk.Item(entry: rendered, parts: parts), renderedBody)
    }

    /// The kinds of bytes the formats keep for the posting that the cache holds and an output
    /// takes, read back (and checked), each once; and whether that is all of them, so that the
    /// body is not needed.
    private func keptParts(_ entry: CatalogEntry, _ slot: RenderCache.Slot) -> (parts: FormatParts, complete: Bool) {
        guard let cache else { return (FormatParts(), false) }
        var kinds: [String] = []
        kinds.reserveCapacity(formats.count)
        // By index: a `for … in` over the formats copied each one out of the array (an
        // existential, through its value witnesses) for every posting.
        for index in formats.indices {
            guard let kind = formats[index].keptKind(for: entry), !unneeded.contains(where: { $0.covers(kind, of: entry) }) else { continue }
            kinds.append(kind)
        }
        let parts = cache.parts(kinds, in: slot) { kind, part in needs?.needsBytes(kind, of: entry, part: part) ?? true }
        return (parts, kinds.allSatisfy { parts[kind: $0] != nil })
    }
}
