import JobFeedCore

/// A stretch of an earlier file that a `StagedFile` copies next, grown while the parts copied
/// follow on from each other in that file with the same bytes between them as there, and the
/// few bytes written after it, held back in case the next copy runs on across them: a feed
/// that keeps most of its items is a few `copy_file_range` calls, not one an item.
struct CopyRun {
    var source: OpenFile
    var offset: Int64
    var length: Int
    var held: [UInt8] = []
    /// The target's published version and where the stretch lies in it too, when it does
    /// (for the mirror): the source itself, but for a stretch left in place.
    var previous: (file: OpenFile, offset: Int64)?

    init(_ span: PartSpan, from source: OpenFile, previous: (file: OpenFile, span: PartSpan)) {
        self.source = source
        offset = span.offset
        length = span.length
        self.previous = (previous.file, previous.span.offset)
    }

    /// Takes in `span` when it follows on in `source` from what the run holds, with the held
    /// bytes as its lead; returns false, unchanged, otherwise.
    mutating func extend(with span: PartSpan, from source: OpenFile, previous published: (file: OpenFile, span: PartSpan)) -> Bool {
        guard self.source === source, span.leadLength == held.count, span.offset == end,
              span.lead == held.withUnsafeBytes({ ContentDigest.of($0) }) else { return false }
        // Where the part follows on in the published version too (always, for a copy from
        // it), the stretch still lies there as one.
        if let mirrored = previous, mirrored.file !== published.file
            || published.span.offset != mirrored.offset + Int64(length + held.count)
            || published.span.leadLength != span.leadLength || published.span.lead != span.lead {
            previous = nil
        }
        length += held.count + span.length
        held.removeAll()
        return true
    }

    /// Where the stretch and the held bytes end in the source.
    private var end: Int64 { offset + Int64(length + held.count) }
}
