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
    package func keptKinds(for entry: CatalogEntry) -> [String] {
        entry.status == .active ? [FeedStream.itemKind(of: Dialect.self)] : []
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
            let fingerprint: UInt64?
            switch build.feedState(file, format: Dialect.name, feed: feed, itemKind: FeedStream.itemKind(of: Dialect.self)) {
            case let .kept(kept):
                writers.append(kept)
                continue
            case let .changed(current):
                fingerprint = current
            }
            writers.append(try FeedStream(format: Dialect(context: feed), language: language.code, output: try build.output(file),
                                          cache: build.cache, fingerprint: fingerprint, limit: config.limits.feedItems, catalog: catalog))
        }
        return writers
    }
}

/// Whether a language's feed must be rendered.
package enum FeedState {
    /// Its postings are as they were when the file was written, and the file as written.
    case kept(KeptOutput)
    /// With what it is made from, to record once it is written (nil without a cache).
    case changed(fingerprint: UInt64?)
}

extension FormatBuild {
    /// Whether the feed at `file`, whose items are the postings' `itemKind` bytes, can be left
    /// as it is (the other language's feeds, after an edit).
    package func feedState(_ file: URL, format: String, feed: FeedContext, itemKind: String) -> FeedState {
        guard let cache, let feedFingerprints else { return .changed(fingerprint: nil) }
        let path = file.standardizedFileURL.path
        let current = feedFingerprints.of(format, feed)
        guard cache.outputIsCurrent(path, fingerprint: current) else { return .changed(fingerprint: current) }
        return .kept(KeptOutput(path: path, unneeded: UnneededParts(kind: itemKind, language: feed.language.code)))
    }
}

/// An output known to be unchanged: left as it is, unrendered.
package final class KeptOutput: FormatWriter {
    package let path: String
    /// Its items: not read back from the cache, as they are not written.
    package let unneeded: UnneededParts?

    package init(path: String, unneeded: UnneededParts? = nil) {
        self.path = path
        self.unneeded = unneeded
    }

    package func append(_ chunk: RenderedChunk) throws(DiagnosticError) -> [(String, PlannedFile)] { [] }

    package func finish(into plan: inout OutputPlan) throws(DiagnosticError) {
        plan.kept.insert(path)
    }
}
