import Foundation

extension PublishingStep {
    /// RSS and Atom for each language, from its active postings.
    static let renderFeeds = PublishingStep("render feeds") { context throws(DiagnosticError) in
        let config = context.config
        for language in config.languages {
            let values: (String) -> String? = { $0 == "lang" ? language.code : nil }
            let feed = FeedContext(
                language: language,
                entries: context.catalog.active(in: language.code),
                updated: context.catalog.lastChange(in: language.code),
                listingURL: (try? config.urls.listing.expand(base: config.baseURL, values: values).get()) ?? config.baseURL,
                feedsFolderURL: (try? config.urls.feeds.expand(base: config.baseURL, values: values).get()) ?? config.baseURL,
                organization: config.organization)
            let folder = config.feedsDirectory.appendingPathComponent(language.code)
            do {
                context.plan.add(folder.appendingPathComponent(RSSRenderer.fileName), try RSSRenderer(context: feed).render())
                context.plan.add(folder.appendingPathComponent(AtomRenderer.fileName), try AtomRenderer(context: feed).render())
            } catch {
                throw DiagnosticError(.error("cannot write the \(language.code) feeds: \(error)", at: SourceLocation(file: DisplayPath.of(folder))))
            }
        }
    }

    /// One JSON-LD file per active posting, and the combined document.
    static let renderJSONLD = PublishingStep("render JSON-LD") { context throws(DiagnosticError) in
        let renderer = JSONLDRenderer(config: context.config)
        let folder = context.config.exportsDirectory.appendingPathComponent("jsonld")
        let active = context.catalog.entries.filter { $0.status == .active }
        let documents = Parallel.map(active) { entry in Result { () throws(RenderError) in try renderer.posting(entry) } }
        do throws(RenderError) {
            for (entry, document) in zip(active, documents) {
                let file = folder.appendingPathComponent(entry.posting.language)
                    .appendingPathComponent(entry.posting.slug + ".jsonld")
                context.plan.add(file, try document.get())
            }
            context.plan.add(context.config.exportsDirectory.appendingPathComponent("jobpostings.jsonld"), try renderer.graph(active))
        } catch {
            throw DiagnosticError(Diagnostic(.error, file: error.file, error.message))
        }
        context.plan.ownedFolders.append((folder, "jsonld"))
    }

    /// The CSV of every published posting.
    static let renderCSV = PublishingStep("render CSV") { context in
        let data = CSVRenderer(config: context.config).render(context.catalog.entries)
        context.plan.add(context.config.exportsDirectory.appendingPathComponent(CSVRenderer.fileName), data)
    }

    /// Replaces the changed files atomically and removes stale per-posting files.
    static let writeOutputs = PublishingStep("write outputs") { context throws(DiagnosticError) in
        context.result = try OutputWriter().write(context.plan)
        var state = OutputPlan()
        do {
            state.add(LastGoodStore.url(in: context.config), try context.lastGood.encoded())
        } catch {
            throw DiagnosticError(.error("cannot encode the state file: \(error)", at: SourceLocation(file: LastGoodStore.fileName)))
        }
        _ = try OutputWriter().write(state)
    }
}
