/// Every output jobfeed writes, in one place, in the order their files are listed.
enum OutputFormats {
    static func all(_ config: Config) -> [any OutputFormat] {
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
}
