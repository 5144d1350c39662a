import Foundation
import JobFeedCore
import JobFeedReading

extension PublishingStep {
    /// Lists the posting files below the postings folder.
    package static let discoverPostings = PublishingStep("discover postings", .discovery) { context throws(DiagnosticError) in
        var discovery = PostingDiscovery(root: context.config.postingsDirectory, languages: context.config.languageCodes)
        context.files = try discovery.files()
        context.diagnostics += discovery.diagnostics
    }

    /// Reads and checks every posting; one with errors is left out, with its diagnostics.
    package static let readPostings = PublishingStep("read postings", .preparation) { context in
        var reader = PostingReader(config: context.config, lastGood: context.lastGood, cache: context.cache)
        reader.shouldStop = context.shouldStop
        reader.tally = context.tally(.reading, total: context.files.count)
        reader.read(context.files, copying: context.destination == .staged)
        context.postings = reader.postings
        context.diagnostics += reader.diagnostics
        context.lastGood = reader.lastGood
        context.diagnostics += context.lastGood.takeWarnings()
        context.inputs = reader.inputs
    }

    /// Pairs translations and sets each posting's status for "now"; bodies are rendered later,
    /// a chunk at a time, as the outputs are written.
    package static let catalogPostings = PublishingStep("catalog postings", .preparation) { context in
        var pairing = TranslationPairing(config: context.config)
        let postings = pairing.pair(context.postings)
        context.diagnostics += pairing.diagnostics
        let now = context.now
        let entries = postings.compactMap { posting in
            let status = PostingStatus(posting, now: now)
            return status.isPublished ? CatalogEntry(posting: posting, status: status, translations: []) : nil
        }
        context.catalog.entries = pairing.linkTranslations(entries).sorted(by: CatalogEntry.feedOrder(languages: context.config.languageCodes))
    }
}

extension CatalogEntry {
    /// Language in config order, then newest first, then by slug so ties are stable.
    package static func feedOrder(languages: [String]) -> @Sendable (CatalogEntry, CatalogEntry) -> Bool {
        { left, right in
            let l = languages.firstIndex(of: left.posting.language) ?? .max
            let r = languages.firstIndex(of: right.posting.language) ?? .max
            if l != r { return l < r }
            if left.posting.datePosted != right.posting.datePosted { return left.posting.datePosted > right.posting.datePosted }
            return left.posting.slug < right.posting.slug
        }
    }
}
