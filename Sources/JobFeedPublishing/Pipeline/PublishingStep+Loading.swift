import Foundation
import JobFeedCore
import JobFeedReading
import JobFeedSystem

extension PublishingStep {
    /// Lists the posting files below the postings folder.
    package static let discoverPostings = PublishingStep("discover postings", .discovery) { context throws(DiagnosticError) in
        var discovery = PostingDiscovery(config: context.config)
        context.files = try discovery.files()
        context.diagnostics += discovery.diagnostics
    }

    /// Reads and checks every posting; one with errors is left out, with its diagnostics.
    package static let readPostings = PublishingStep("read postings", .preparation) { context in
        var reader = PostingReader(config: context.config, lastGood: context.lastGood, cache: context.cache)
        reader.shouldStop = context.shouldStop
        reader.tally = context.tally(.reading, total: context.files.count)
        reader.read(context.files, stamps: context.stamps, copying: context.destination == .staged)
        context.postings = reader.postings
        context.diagnostics += reader.diagnostics
        context.brokenLastGoodVersions = reader.brokenLastGoodVersions
        if let first = reader.brokenLastGoodVersions.first {
            let others = reader.brokenLastGoodVersions.count - 1
            let also = others == 0 ? "" : " (so do \(others) other posting\(others == 1 ? "" : "s"))"
            context.diagnostics.append(.error("this posting's last good version read without errors before and has errors now\(also): the config (or a section's cascade, or jobfeed) changed, not the file, and no build publishes while it holds: every output stays as it was (fix the config, or the postings)",
                                             at: SourceLocation(file: first)))
        }
        context.lastGood = reader.lastGood
        context.diagnostics += context.lastGood.takeWarnings()
        context.notices += context.lastGood.takeNotices()
        context.inputs = reader.inputs
    }

    /// Pairs translations and sets each posting's status for "now"; bodies are rendered later,
    /// a chunk at a time, as the outputs are written.
    package static let catalogPostings = PublishingStep("catalog postings", .preparation) { context in
        // The catalog takes one core: the outputs' files are stat'ed on the other meanwhile.
        if let recorded = context.cache?.written.all {
            context.currentOutputs = BackgroundValue {
                var stamps = FileStamp.ByFolder()
                return recorded.filter { path, output in stamps.stamp(of: path.text) == output.stamp }
            }
        }
        var pairing = TranslationPairing(config: context.config)
        let postings = pairing.pair(context.postings)
        context.diagnostics += pairing.diagnostics
        var entries: [CatalogEntry] = []
        var places: [Int] = []
        var tally = BuildReport.Counts.Tally()
        for (place, posting) in postings.enumerated() {
            let status = PostingStatus(posting, now: context.now)
            tally.add(status, in: posting.language)
            guard status.isPublished else { continue }
            entries.append(CatalogEntry(posting: posting, status: status, translations: []))
            places.append(place)
        }
        context.catalog.entries = CatalogEntry.inFeedOrder(pairing.linkTranslations(entries, madeFrom: places), languages: context.config.languageCodes)
        context.counts = BuildReport.Counts(tally, catalog: context.catalog)
    }
}

extension CatalogEntry {
    /// Language in config order, then newest first, then by slug so ties are stable. The sort
    /// keys are taken once per entry, not once per comparison (a tenth of a 10,000-posting
    /// rebuild went to looking up languages and fields in the comparisons).
    /// The entries' places are sorted, not the entries with their keys (56 bytes moved a swap):
    /// at 50,000 postings the sort was a quarter of the catalog step's samples.
    package static func inFeedOrder(_ entries: [CatalogEntry], languages: [String]) -> [CatalogEntry] {
        let rank = Dictionary(languages.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let keys = entries.map { entry in
            (language: rank[entry.posting.language] ?? .max, date: entry.posting.datePosted.seconds, slug: entry.posting.slug)
        }
        let order = keys.indices.sorted { left, right in
            let (left, right) = (keys[left], keys[right])
            if left.language != right.language { return left.language < right.language }
            if left.date != right.date { return left.date > right.date }
            return left.slug < right.slug
        }
        return order.map { entries[$0] }
    }
}
