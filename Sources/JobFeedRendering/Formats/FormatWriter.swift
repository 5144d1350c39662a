import JobFeedCore

/// One target being written, a chunk at a time; used by one thread at a time.
package protocol FormatWriter: AnyObject, Sendable {
    /// Writes the chunk's postings. A format with a file per posting keeps the files it
    /// decides, and puts them in the plan when it finishes (to be renamed into place with
    /// everything else).
    func append(_ chunk: RenderedChunk) throws(DiagnosticError)
    /// Ends the target and puts it, and anything it knows about its files, in the plan.
    func finish(into plan: inout OutputPlan) throws(DiagnosticError)
    /// Cached bytes this writer would have taken from postings and does not need (a kept
    /// feed's items, the items past a feed's limit): the build need not read them back.
    var unneeded: UnneededParts? { get }
    /// The kind of the postings' cached bytes it takes, if any.
    var partKind: String? { get }
    /// Whether it needs the bytes of this posting's part of its kind (left in the cache so
    /// far): not when it does not take the posting's part, or copies it from its previous
    /// file. Never asked of a posting its `unneeded` covers (`PartNeeds`). Asked while the writers take the chunks before (see `ChunkPipeline`): it must read
    /// only what appending does not change.
    func needsBytes(of entry: CatalogEntry, part: FormatPart) -> Bool
}

extension FormatWriter {
    package var unneeded: UnneededParts? { nil }
    package var partKind: String? { nil }
    package func needsBytes(of entry: CatalogEntry, part: FormatPart) -> Bool { true }
}

/// Which of the postings' cached bytes this build's writers need read back, by kind: bytes no
/// writer needs (each copies them from its previous file) are left in the cache.
package struct PartNeeds: Sendable {
    /// The writers by the kind they take: asked for every cached part of every posting.
    private let takers: ByKind<[any FormatWriter]>

    package init(_ writers: [any FormatWriter]) {
        var takers = ByKind<[any FormatWriter]>()
        for writer in writers {
            guard let kind = writer.partKind else { continue }
            takers[kind: kind] = (takers[kind: kind] ?? []) + [writer]
        }
        self.takers = takers
    }

    package func needsBytes(_ kind: String, of entry: CatalogEntry, part: FormatPart) -> Bool {
        guard let writers = takers[kind: kind] else { return true }
        return writers.contains { $0.unneeded?.covers(kind, of: entry) != true && $0.needsBytes(of: entry, part: part) }
    }
}

/// One kind of the postings' cached bytes that a writer does not take: for every posting (of a
/// language), or for all but some of them.
package struct UnneededParts: Sendable {
    package var kind: String
    /// Nil for every language.
    package var language: String?
    /// The postings (by file path) whose bytes it does take; nil for none.
    package var except: Set<String>?

    package init(kind: String, language: String? = nil, except: Set<String>? = nil) {
        self.kind = kind
        self.language = language
        self.except = except
    }

    /// A feed's items past its `limit`: those of its language's postings after the first
    /// `limit` active ones (nil without a limit).
    package static func past(_ limit: Int?, kind: String, language: String, in catalog: Catalog) -> UnneededParts? {
        guard let limit else { return nil }
        let written = catalog.entries.lazy.filter { $0.status == .active && $0.posting.language == language }.prefix(limit)
        return UnneededParts(kind: kind, language: language, except: Set(written.map(\.posting.source.absolutePath)))
    }

    package func covers(_ kind: String, of entry: CatalogEntry) -> Bool {
        kind == self.kind && (language == nil || entry.posting.language == language) && except?.contains(entry.posting.source.absolutePath) != true
    }
}
