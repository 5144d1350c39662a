/// The next moment an output must change although no file does: a posting's closing date
/// passes (it leaves the feeds a second later) or a future-dated posting's date arrives.
public struct NextChange: Sendable, Hashable {
    public var at: Timestamp
    /// The postings whose status changes then, by display path.
    public var postings: [String]

    package static func after(_ now: Timestamp, in postings: [Posting]) -> NextChange? {
        var moments: [(Timestamp, String)] = []
        for posting in postings where !posting.isDraft && !posting.isArchived {
            if posting.datePosted > now { moments.append((posting.datePosted, posting.source.displayPath)) }
            if let closing = posting.validThrough, closing >= now {
                moments.append((Timestamp(seconds: closing.seconds + 1), posting.source.displayPath))
            }
        }
        guard let earliest = moments.map(\.0).min() else { return nil }
        return NextChange(at: earliest, postings: moments.filter { $0.0 == earliest }.map(\.1).sorted())
    }

    package init(at: Timestamp, postings: [String]) {
        self.at = at
        self.postings = postings
    }
}
