/// Where a posting stands at a given moment; only `active` postings reach feeds and JSON-LD.
public enum PostingStatus: String, Sendable, Hashable, CaseIterable {
    case active
    case archived
    case expired
    case draft
    /// Dated in the future: it appears when its date comes.
    case scheduled

    public init(_ posting: Posting, now: Timestamp) {
        if posting.isDraft {
            self = .draft
        } else if posting.isArchived {
            self = .archived
        } else if let closing = posting.validThrough, closing < now {
            self = .expired
        } else if posting.datePosted > now && !posting.isUndated {
            self = .scheduled
        } else {
            self = .active
        }
    }

    /// Statuses that once were public, and so belong in the CSV export.
    public var isPublished: Bool {
        self == .active || self == .archived || self == .expired
    }
}
