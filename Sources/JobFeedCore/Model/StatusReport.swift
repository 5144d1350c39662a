/// Where a site stands at "now", for an operator: counts, the live jobs, what Google would find
/// incomplete, current problems and the open jobs over time. `jobfeed report` renders it as
/// one HTML page.
public struct StatusReport: Sendable {
    public var now: Timestamp
    public var languages: [LanguageConfig]
    /// Postings per language and status, drafts and scheduled ones included.
    public var counts: [String: [PostingStatus: Int]]
    public var translationPairs: Int
    /// Every published entry, in feed order; the page lists the active ones.
    public var entries: [CatalogEntry]
    public var diagnostics: [Diagnostic]
    public var history: BuildHistory

    public init(now: Timestamp, languages: [LanguageConfig], counts: [String: [PostingStatus: Int]], translationPairs: Int,
                entries: [CatalogEntry], diagnostics: [Diagnostic], history: BuildHistory) {
        self.now = now
        self.languages = languages
        self.counts = counts
        self.translationPairs = translationPairs
        self.entries = entries
        self.diagnostics = diagnostics
        self.history = history
    }

    public func count(_ status: PostingStatus, in language: String) -> Int {
        counts[language]?[status] ?? 0
    }

    /// A language's active postings by closing date, soonest first (so those closing this week
    /// lead), then those with no closing date, newest first.
    public func active(in language: String) -> [CatalogEntry] {
        let active = entries.filter { $0.posting.language == language && $0.status == .active }
        return active.enumerated().sorted { left, right in
            let l = left.element.posting.validThrough?.seconds ?? .max
            let r = right.element.posting.validThrough?.seconds ?? .max
            return l != r ? l < r : left.offset < right.offset
        }.map(\.element)
    }

    /// Whether an active posting closes within `soon` of now.
    public func closesSoon(_ entry: CatalogEntry, within soon: Int64 = 7 * 86_400) -> Bool {
        guard let closing = entry.posting.validThrough else { return false }
        return closing.seconds - now.seconds <= soon
    }
}
