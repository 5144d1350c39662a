/// Every output jobfeed writes, in one place, in the order their files are listed.
enum OutputFormats {
    static func every(_ config: Config) -> [any OutputFormat] {
        [
            FeedOutput<RSSRenderer>(),
            FeedOutput<AtomRenderer>(),
            JSONFeedFormat(config: config),
            JSONLDFormat(config: config),
            CSVFormat(config: config),
            SitemapFormat(config: config),
            IndeedFormat(config: config),
        ]
    }

    /// The formats a site turns on (`outputs:`; all by default).
    static func enabled(_ config: Config) -> [any OutputFormat] {
        every(config).filter { config.outputs?.contains($0.id) ?? true }
    }

    /// The formats a site turns off.
    static func disabled(_ config: Config) -> [any OutputFormat] {
        every(config).filter { !(config.outputs?.contains($0.id) ?? true) }
    }
}
