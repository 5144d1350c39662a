/// The next moment an output must change although no file does: a posting's closing date
/// passes (it leaves the feeds a second later) or a future-dated posting's date arrives.
public struct NextChange: Sendable, Hashable {
    public var at: Timestamp
    /// The postings whose status changes then, by display path.
    public var postings: [String]

    /// Two passes, the earliest moment then the postings at it: a list of every moment to
    /// come (nearly every posting's closing) was made and filtered at the end of each build.
    package static func after(_ now: Timestamp, in postings: [Posting]) -> NextChange? {
        func moments(of posting: Posting) -> (opening: Timestamp?, closing: Timestamp?) {
            guard !posting.isDraft, !posting.isArchived else { return (nil, nil) }
            let closing = posting.validThrough.flatMap { $0 >= now ? Timestamp(seconds: $0.seconds + 1) : nil }
            return (posting.datePosted > now ? posting.datePosted : nil, closing)
        }
        var earliest: Timestamp?
        func consider(_ moment: Timestamp?) {
            if let moment, earliest.map({ moment < $0 }) ?? true { earliest = moment }
        }
        for posting in postings {
            let (opening, closing) = moments(of: posting)
            consider(opening)
            consider(closing)
        }
        guard let earliest else { return nil }
        var changing: [String] = []
        for posting in postings {
            let (opening, closing) = moments(of: posting)
            if opening == earliest { changing.append(posting.source.displayPath) }
            if closing == earliest { changing.append(posting.source.displayPath) }
        }
        return NextChange(at: earliest, postings: changing.sorted())
    }

    package init(at: Timestamp, postings: [String]) {
        self.at = at
        self.postings = postings
    }
}
