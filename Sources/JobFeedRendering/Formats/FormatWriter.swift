import JobFeedCore

/// One target being written, a chunk at a time; used by one thread at a time.
package protocol FormatWriter: AnyObject, Sendable {
    /// Writes the chunk's postings; returns the per-posting files it decided (for a format
    /// with a file per posting), to be renamed into place with everything else.
    func append(_ chunk: RenderedChunk) throws(DiagnosticError) -> [(String, PlannedFile)]
    /// Ends the target and puts it, and anything it knows about its files, in the plan.
    func finish(into plan: inout OutputPlan) throws(DiagnosticError)
    /// Cached bytes this writer would have taken from postings and does not need (a kept
    /// feed's items, the items past a feed's limit): the build need not read them back.
    var unneeded: UnneededParts? { get }
}

extension FormatWriter {
    package var unneeded: UnneededParts? { nil }
}

/// One kind of the postings' cached bytes that a writer does not take: for every posting of a
/// language, or for all but some of them.
package struct UnneededParts: Sendable {
    package var kind: String
    package var language: String
    /// The postings (by file path) whose bytes it does take; nil for none.
    package var except: Set<String>?

    package init(kind: String, language: String, except: Set<String>? = nil) {
        self.kind = kind
        self.language = language
        self.except = except
    }

    package func covers(_ kind: String, of entry: CatalogEntry) -> Bool {
        kind == self.kind && entry.posting.language == language && except?.contains(entry.posting.source.absolutePath) != true
    }
}
