import Foundation
import JobFeedSystem

/// An output being rendered: its sink and, when the build writes, the staged file behind it.
package struct PendingOutput: Sendable {
    package let path: String
    package let sink: OutputSink
    package let file: StagedFile?
    /// What a feed or export is made from, recorded with the plan for the next build to compare
    /// (see `FormatBuild.feed`); nil for an output never left unrendered.
    package var fingerprint: UInt64?

    package init(path: String, sink: OutputSink, file: StagedFile?) {
        self.path = path
        self.sink = sink
        self.file = file
    }
}
