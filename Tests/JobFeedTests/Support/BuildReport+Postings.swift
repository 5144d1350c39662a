import JobFeed

extension BuildReport {
    /// The published posting with this title (in this language, when given).
    func posting(titled title: String, in language: String? = nil) -> Posting? {
        catalog.entries.first { $0.posting.title == title && (language == nil || $0.posting.language == language) }?.posting
    }
}
