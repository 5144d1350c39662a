import Foundation

/// Renders a chunk of catalog entries on every core: each one's body (in its three forms),
/// its JSON-LD document when it is active, and its CSV record, reusing what a long-running
/// process's cache holds for unchanged files.
struct ChunkRenderer: Sendable {
    /// Small enough that a chunk's bodies are a few megabytes, large enough to keep both
    /// cores busy between the outputs' turns.
    static let chunkSize = 512

    let cache: BuildCache?
    private let bodies = BodyRenderer()
    private let documents: JSONLDRenderer
    private let csv: CSVRenderer

    init(config: Config, cache: BuildCache?) {
        self.cache = cache
        documents = JSONLDRenderer(config: config)
        csv = CSVRenderer(config: config)
    }

    struct Item: Sendable {
        var entry: RenderedEntry
        /// The JSON-LD document, for an active posting, and its digest when a cache holds it.
        var document: (data: Data, digest: UInt64?)?
        var csvLine: String
    }

    struct Chunk: Sendable {
        var items: [Item] = []
        var diagnostics: [Diagnostic] = []
        /// A document that could not be encoded stops the build.
        var failure: RenderError?
        /// A stop was asked for part way: the chunk is incomplete and must not be written.
        var stopped = false
    }

    /// Renders the entries; between postings, asks `shouldStop` (a shutdown need not wait for
    /// a whole chunk of bodies).
    func render(_ entries: [CatalogEntry], shouldStop: @Sendable () -> Bool = { false }) -> Chunk {
        let results = Parallel.map(entries) { entry -> Result<Item, RenderError>? in
            shouldStop() ? nil : Result { () throws(RenderError) in try render(entry) }
        }
        var chunk = Chunk()
        for result in results {
            guard let result else {
                chunk.stopped = true
                return chunk
            }
            switch result {
            case let .success(item): chunk.items.append(item)
            case let .failure(error) where error.stopsTheBuild: chunk.failure = chunk.failure ?? error
            case let .failure(error): chunk.diagnostics.append(Diagnostic(.error, file: error.file, error.message))
            }
        }
        return chunk
    }

    private func render(_ entry: CatalogEntry) throws(RenderError) -> Item {
        let posting = entry.posting
        let path = posting.source.absolutePath
        let stamp = posting.source.stamp
        let body: RenderedBody
        if let stamp, let cached = cache?.body(path, stamp: stamp, url: posting.url) {
            body = cached
        } else {
            body = try bodies.render(posting)
            if let stamp { cache?.store(body, for: path, stamp: stamp, url: posting.url) }
        }
        let rendered = RenderedEntry(entry: entry, body: body)
        return Item(entry: rendered, document: entry.status == .active ? try document(rendered) : nil,
                    csvLine: csv.line(rendered, cache: cache))
    }

    private func document(_ entry: RenderedEntry) throws(RenderError) -> (data: Data, digest: UInt64?) {
        let source = entry.posting.source
        if let stamp = source.stamp, let cached = cache?.document(source.absolutePath, stamp: stamp, url: entry.posting.url) {
            return (cached.data, cached.digest)
        }
        do {
            let data = try documents.posting(entry)
            guard let stamp = source.stamp, let cache else { return (data, nil) }
            return (data, cache.store(document: data, for: source.absolutePath, stamp: stamp, url: entry.posting.url))
        } catch {
            var failure = error
            failure.stopsTheBuild = true
            throw failure
        }
    }
}
