import Foundation

extension PublishingStep {
    /// RSS and Atom for each language, from its active postings.
    /// Every language's RSS and Atom feeds, rendered in parallel.
    static let renderFeeds = PublishingStep("render feeds") { context throws(DiagnosticError) in
        let config = context.config
        let catalog = context.catalog
        let jobs = config.languages.flatMap { language in [FeedJob(language: language, atom: false), FeedJob(language: language, atom: true)] }
        let cache = context.cache
        let outputs = try jobs.map { job throws(DiagnosticError) in try context.output(job.file(in: config)) }
        let rendered = Parallel.map(Array(zip(jobs, outputs))) { job, output in
            Result { () throws(XMLWriterError) in try job.render(config: config, catalog: catalog, cache: cache, into: output.sink) }
        }
        for ((job, output), result) in zip(zip(jobs, outputs), rendered) {
            do {
                try result.get()
                context.plan.add(output)
            } catch {
                let file = job.file(in: config)
                throw DiagnosticError(.error("cannot write the feed: \(error)", at: SourceLocation(file: DisplayPath.of(file))))
            }
        }
    }

    /// One JSON-LD file per active posting, and the combined document.
    static let renderJSONLD = PublishingStep("render JSON-LD") { context throws(DiagnosticError) in
        let renderer = JSONLDRenderer(config: context.config)
        let folder = context.config.exportsDirectory.appendingPathComponent("jsonld")
        let folderPath = folder.standardizedFileURL.path
        let active = context.catalog.entries.filter { $0.status == .active }
        let cache = context.cache
        let documents = Parallel.map(active) { entry in
            Result { () throws(RenderError) in
                let source = entry.posting.source
                if let stamp = source.stamp, let data = cache?.document(source.absolutePath, stamp: stamp, url: entry.posting.url) { return data }
                let data = try renderer.posting(entry)
                if let stamp = source.stamp { cache?.store(document: data, for: source.absolutePath, stamp: stamp, url: entry.posting.url) }
                return data
            }
        }
        var all: [Data] = []
        do throws(RenderError) {
            for (entry, document) in zip(active, documents) {
                all.append(try document.get())
                context.plan.add(path: folderPath + "/" + entry.posting.language + "/" + entry.posting.slug + ".jsonld", all[all.count - 1])
            }
        } catch {
            throw DiagnosticError(Diagnostic(.error, file: error.file, error.message))
        }
        let combined = try context.output(context.config.exportsDirectory.appendingPathComponent("jobpostings.jsonld"))
        JSONLDRenderer.writeCombined(all, to: combined.sink)
        context.plan.add(combined)
        context.plan.ownedFolders.append((folder, "jsonld"))
    }

    /// The CSV of every published posting.
    static let renderCSV = PublishingStep("render CSV") { context throws(DiagnosticError) in
        let output = try context.output(context.config.exportsDirectory.appendingPathComponent(CSVRenderer.fileName))
        CSVRenderer(config: context.config).render(context.catalog.entries, cache: context.cache, into: output.sink)
        context.plan.add(output)
    }

    /// Replaces the changed files atomically and removes stale per-posting files.
    static let writeOutputs = PublishingStep("write outputs") { context throws(DiagnosticError) in
        context.result = try OutputWriter(cache: context.cache).write(context.plan)
        context.lastGood.save(keeping: Set(context.files.map(\.path.relativePath)))
    }
}

/// One feed file to render: a language and a format.
struct FeedJob: Sendable {
    let language: LanguageConfig
    let atom: Bool

    func file(in config: Config) -> URL {
        config.feedsDirectory.appendingPathComponent(language.code)
            .appendingPathComponent(atom ? AtomRenderer.fileName : RSSRenderer.fileName)
    }

    func render(config: Config, catalog: Catalog, cache: BuildCache?, into sink: OutputSink) throws(XMLWriterError) {
        let values: (String) -> String? = { $0 == "lang" ? language.code : nil }
        let feed = FeedContext(
            language: language,
            entries: catalog.active(in: language.code),
            updated: catalog.lastChange(in: language.code),
            listingURL: (try? config.urls.listing.expand(base: config.baseURL, values: values).get()) ?? config.baseURL,
            feedsFolderURL: (try? config.urls.feeds.expand(base: config.baseURL, values: values).get()) ?? config.baseURL,
            organization: config.organization,
            cache: cache)
        if atom { try AtomRenderer(context: feed).render(into: sink) } else { try RSSRenderer(context: feed).render(into: sink) }
    }
}
