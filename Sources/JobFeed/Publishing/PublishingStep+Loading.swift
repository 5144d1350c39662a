import Foundation

extension PublishingStep {
    /// Lists the posting files below the postings folder.
    static let discoverPostings = PublishingStep("discover postings") { context throws(DiagnosticError) in
        var discovery = PostingDiscovery(root: context.config.postingsDirectory, languages: context.config.languageCodes)
        context.files = try discovery.files()
        context.diagnostics += discovery.diagnostics
    }

    /// Reads and checks every posting; one with errors is left out, with its diagnostics.
    static let readPostings = PublishingStep("read postings") { context in
        var reader = PostingReader(config: context.config, lastGood: context.lastGood, cache: context.cache)
        reader.shouldStop = context.shouldStop
        reader.read(context.files)
        context.postings = reader.postings
        context.diagnostics += reader.diagnostics
        context.lastGood = reader.lastGood
        if context.stagesOutputs { context.lastGood.appendPending() }
        context.inputs = reader.inputs
    }

    /// Pairs translations, sets each posting's status for "now", and renders every body once.
    static let catalogPostings = PublishingStep("catalog postings") { context throws(DiagnosticError) in
        var pairing = TranslationPairing(languages: context.config.languageCodes)
        let postings = pairing.pair(context.postings)
        context.diagnostics += pairing.diagnostics
        let now = context.now
        let published = postings.map { ($0, PostingStatus($0, now: now)) }.filter { $0.1.isPublished }
        let rendered = renderBodies(published.map(\.0), cache: context.cache, shouldStop: context.shouldStop)
        var entries: [CatalogEntry] = []
        for ((posting, status), body) in zip(published, rendered) {
            switch body {
            case let .success(body):
                entries.append(CatalogEntry(posting: posting, status: status, translations: [], body: body))
            case let .failure(error):
                context.diagnostics.append(Diagnostic(.error, file: error.file, error.message))
            }
        }
        context.catalog.entries = pairing.linkTranslations(entries).sorted(by: CatalogEntry.feedOrder(languages: context.config.languageCodes))
    }

    /// Renders bodies on every core, reusing the watcher's cached ones for unchanged files.
    private static func renderBodies(_ postings: [Posting], cache: BuildCache?, shouldStop: @escaping @Sendable () -> Bool)
        -> [Result<RenderedBody, RenderError>] {
        let renderer = BodyRenderer()
        return Parallel.map(postings) { posting in
            Result { () throws(RenderError) in
                if shouldStop() { throw RenderError(file: posting.source.displayPath, message: "stopped") }
                let path = posting.source.absolutePath
                if let stamp = posting.source.stamp, let body = cache?.body(path, stamp: stamp, url: posting.url) { return body }
                let body = try renderer.render(posting)
                if let stamp = posting.source.stamp { cache?.store(body, for: path, stamp: stamp, url: posting.url) }
                return body
            }
        }
    }
}

extension CatalogEntry {
    /// Language in config order, then newest first, then by slug so ties are stable.
    static func feedOrder(languages: [String]) -> @Sendable (CatalogEntry, CatalogEntry) -> Bool {
        { left, right in
            let l = languages.firstIndex(of: left.posting.language) ?? .max
            let r = languages.firstIndex(of: right.posting.language) ?? .max
            if l != r { return l < r }
            if left.posting.datePosted != right.posting.datePosted { return left.posting.datePosted > right.posting.datePosted }
            return left.posting.slug < right.posting.slug
        }
    }
}
