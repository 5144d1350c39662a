import JobFeedCore
import JobFeedRendering

/// What `OutputWriter.stage` decided, for `OutputWriter.publish`: every changed output staged
/// beside its target, the `.gz` twins made, the stale files found, and the publication that
/// puts them in place; nothing published yet. A build held before it publishes (a watcher's,
/// until the files settle) holds one.
package struct StagedWrite {
    /// The writer that staged it, and publishes it.
    package let writer: OutputWriter
    let plan: OutputPlan
    var result = WriteResult()
    var publication: Publication
    var twins: OutputWriter.Twins
    let prepared: [ExactPath: PreparedFile]
    /// The per-posting documents written, with their sizes and digests, recorded once published.
    var recorded: [(path: String, size: Int, digest: UInt64)] = []
    let survey: OwnedFolderSurvey
    var stale: [String] = []

    init(plan: OutputPlan, writer: OutputWriter, prepared: [ExactPath: PreparedFile], survey: OwnedFolderSurvey) {
        self.writer = writer
        self.plan = plan
        self.prepared = prepared
        self.survey = survey
        publication = Publication(state: writer.state)
        publication.settles = writer.settles
        twins = OutputWriter.Twins(writer: writer)
    }

    /// Removes what was staged for a write that is not published (the staged outputs go with
    /// the staging folder, which the next build clears).
    package func discard() {
        twins.discard()
    }
}
