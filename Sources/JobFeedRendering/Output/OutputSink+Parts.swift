import Foundation
import JobFeedCore
import JobFeedSystem

extension OutputSink {
    /// Whether the part, all but its last `trimmed` bytes, would be copied from the previous
    /// file, or compared where it lies there (so that its bytes need not be read).
    package func copies(_ part: FormatPart, trimmingLast trimmed: Int = 0) -> Bool {
        (file != nil || comparison != nil) && previous?.span(of: part, length: part.length - trimmed) != nil
    }

    /// Writes a posting's part, all but its last `trimmed` bytes: copied from the previous file
    /// when it lies there (compared there, for `check`), else its bytes. Notes where it lies for
    /// the next build.
    package func write(_ part: FormatPart, trimmingLast trimmed: Int = 0) {
        let length = part.length - trimmed
        if let comparison, let span = previous?.span(of: part, length: length) {
            comparison.compare(length, at: span.offset)
            count += length
            return
        }
        if let file, recording == nil, let previous, let span = previous.span(of: part, length: length) {
            file.mark(takeSpan(span.source, span.digest, offset: file.size, length: length))
            file.copy(from: previous.file, span)
            count += length
            return
        }
        guard let data = part.data() else {
            // Only a staged file's writer is handed parts left in the cache (no other sink
            // copies): its build then fails and changes nothing.
            assert(file != nil, "a part left in the build cache reached a sink that cannot copy")
            file?.fail(SystemError(operation: "read back from the build cache the bytes of", path: file?.target ?? "", code: EIO))
            return
        }
        if let source = part.source, let digest = part.digest, let file { file.mark(takeSpan(source, digest, offset: file.size, length: length)) }
        data.withUnsafeBytes { writeUntracked(UnsafeRawBufferPointer(rebasing: $0.prefix(length))) }
    }

    /// Notes that the last bytes written were `part` (an item the writer rendered and the
    /// cache kept), for the next build to copy.
    package func noteWritten(_ part: FormatPart) {
        guard let source = part.source, let digest = part.digest, let file, file.size >= part.length else { return }
        file.mark(takeSpan(source, digest, offset: file.size - part.length, length: part.length, leadExcludes: part.length))
    }

    /// The span of a part starting at `offset`, with the bytes written since the last part
    /// (less the part's own last `leadExcludes`) as its lead; starts the next lead.
    private func takeSpan(_ source: UInt64, _ digest: UInt64, offset: Int, length: Int, leadExcludes: Int = 0) -> PartSpan {
        defer {
            lead.removeAll(keepingCapacity: true)
            leadCount = 0
        }
        let leadLength = leadCount - leadExcludes
        guard leadLength >= 0, leadLength <= lead.count else {
            return PartSpan(source: source, digest: digest, offset: Int64(offset), length: length)
        }
        let leadDigest = lead.withUnsafeBytes { ContentDigest.of(UnsafeRawBufferPointer(rebasing: $0.prefix(leadLength))) }
        return PartSpan(source: source, digest: digest, offset: Int64(offset), length: length, lead: leadDigest, leadLength: leadLength)
    }
}
