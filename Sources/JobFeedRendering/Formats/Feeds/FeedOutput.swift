import Foundation
import JobFeedCore

/// A feed dialect as an output format: one feed per language, `feeds/<lang>/<fileName>`, its
/// items written as the chunks render. A long-running process leaves a feed whose postings did
/// not change (by its fingerprint) as it is, unrendered.
package struct FeedOutput<Dialect: FeedFormat>: OutputFormat {
    package static var id: String { Dialect.name }

    package func violations(in bytes: Data) -> [String] {
        WellFormedness.xmlProblems(bytes)
    }

    package init(config: Config) {}

    /// An active posting's item in its language's feed.
    package func keptKind(for entry: CatalogEntry) -> String? {
        entry.status == .active ? FeedStream.itemKind(of: Dialect.self) : nil
    }

    package func files(_ config: Config) -> [URL] {
        subscriberFeeds(config).map(\.file)
    }

    package func subscriberFeeds(_ config: Config) -> [(file: URL, url: String)] {
        FeedContext.feeds(named: Dialect.fileName, config: config)
    }

    package func writers(_ build: FormatBuild) throws(DiagnosticError) -> [any FormatWriter] {
        let config = build.config
        let catalog = build.catalog
        var writers: [any FormatWriter] = []
        for language in config.languages {
            let feed = FeedContext(language: language, catalog: catalog, config: config)
            let file = FeedContext.file(Dialect.fileName, language: language.code, config: config)
            writers.append(try build.feed(file, format: Dialect.name, feed: feed, itemKind: FeedStream.itemKind(of: Dialect.self)) { output throws(DiagnosticError) in
                try FeedStream(format: Dialect(context: feed), language: language.code, output: output, cache: build.cache,
                               limit: config.limits.feedItems, catalog: catalog)
            })
        }
        return writers
    }
}
