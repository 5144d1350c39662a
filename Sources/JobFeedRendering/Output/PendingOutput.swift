import Foundation
import JobFeedSystem

/// An output being rendered: its sink and, when the build writes, the staged file behind it.
package struct PendingOutput: Sendable {
    package let path: String
    package let sink: OutputSink
    package let file: StagedFile?

    package init(path: String, sink: OutputSink, file: StagedFile?) {
        self.path = path
        self.sink = sink
        self.file = file
    }
}
