import JobFeedCore

/// One target being written, a chunk at a time; used by one thread at a time.
package protocol FormatWriter: AnyObject, Sendable {
    /// Writes the chunk's postings; returns the per-posting files it decided (for a format
    /// with a file per posting), to be renamed into place with everything else.
    func append(_ chunk: RenderedChunk) throws(DiagnosticError) -> [(String, PlannedFile)]
    /// Ends the target and puts it, and anything it knows about its files, in the plan.
    func finish(into plan: inout OutputPlan) throws(DiagnosticError)
}
