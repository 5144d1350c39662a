import Foundation
import JobFeedSystem

/// An output's file as the last build published it, open, and where each part lies in it: a
/// part found here is copied from it by the kernel, rather than read back from the build cache
/// and written again. A build that rewrites one posting of a 10,000-posting feed so copies the
/// feed's other 9,999 items in a few calls.
package final class PreviousOutput: Sendable {
    package let file: OpenFile
    /// The file's identity when its layout was found to describe it.
    package let identity: FileIdentity
    /// Where its parts lie, in order: the layout of the spare it becomes once replaced.
    package let layout: [PartSpan]
    private let spans: [UInt64: PartSpan]

    package init(file: OpenFile, identity: FileIdentity, spans: [PartSpan]) {
        self.file = file
        self.identity = identity
        layout = spans
        var bySource: [UInt64: PartSpan] = [:]
        bySource.reserveCapacity(spans.count)
        for span in spans { bySource[span.source] = span }
        self.spans = bySource
    }

    /// Where the part lies, `length` bytes of it, when the file holds the same part with the
    /// same bytes.
    package func span(of part: FormatPart, length: Int) -> PartSpan? {
        guard let source = part.source, let digest = part.digest, let span = spans[source] else { return nil }
        return span.digest == digest && span.length == length ? span : nil
    }
}
