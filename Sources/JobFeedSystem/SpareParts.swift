import JobFeedCore

/// Where the parts lie in a staged file's spare, in order, when its layout describes it and
/// its bytes were kept: a part to be copied where the spare holds it already is left there. A
/// cron build that edits one posting so writes what follows the posting's part, not the whole
/// file (10,000 postings: the oldest posting's part lies at 99% of its feeds). The parts come
/// in the order of their offsets, so the next one the spare may hold is looked for from where
/// the last was.
struct SpareParts {
    private let parts: [PartSpan]
    private var next = 0

    init(_ parts: [PartSpan] = []) {
        self.parts = parts
    }

    /// The spare's part at `offset` when it is `span`'s part, the same bytes; nil otherwise.
    /// Asked with offsets that only grow.
    mutating func part(at offset: Int64, holding span: PartSpan) -> PartSpan? {
        while next < parts.count, parts[next].offset < offset { next += 1 }
        guard next < parts.count, case let kept = parts[next], kept.offset == offset, kept.source == span.source,
              kept.digest == span.digest, kept.length == span.length else { return nil }
        return kept
    }
}
