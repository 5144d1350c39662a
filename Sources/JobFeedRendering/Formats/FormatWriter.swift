import JobFeedCore

/// One target being written, a chunk at a time; used by one thread at a time.
package protocol FormatWriter: AnyObject, Sendable {
    /// Writes the chunk's postings; returns the per-posting files it decided (for a format
    /// with a file per posting), to be renamed into place with everything else.
    func append(_ chunk: RenderedChunk) throws(DiagnosticError) -> [(String, PlannedFile)]
    /// Ends the target and puts it, and anything it knows about its files, in the plan.
    func finish(into plan: inout OutputPlan) throws(DiagnosticError)
    /// Cached bytes this writer would have taken from each posting of a language, and does not
    /// need (a kept feed's items): the build need not read them back.
    var unneeded: LanguagePart? { get }
}

extension FormatWriter {
    package var unneeded: LanguagePart? { nil }
}

/// One kind of a posting's cached bytes, for the postings of one language.
package struct LanguagePart: Hashable, Sendable {
    package var kind: String
    package var language: String

    package init(kind: String, language: String) {
        self.kind = kind
        self.language = language
    }
}
