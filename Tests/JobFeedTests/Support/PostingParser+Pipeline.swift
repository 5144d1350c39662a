import JobFeed

extension PostingParser {
    /// A parser as the publishing pipeline makes it, with the rendering layer's decoder of
    /// character references.
    init(config: Config, fallbackDates: FallbackDates) {
        self.init(config: config, fallbackDates: fallbackDates, decodeReferences: PlainText.from)
    }
}
