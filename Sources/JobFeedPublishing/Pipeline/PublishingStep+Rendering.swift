import Foundation
import JobFeedCore
import JobFeedRendering

extension PublishingStep {
    /// Every output in one pass over the catalog, a chunk of postings at a time: the chunks'
    /// bodies, JSON-LD documents and CSV records are rendered on every core while the outputs
    /// take the chunks before (the outputs, too, on every core; see `ChunkPipeline`), and a
    /// chunk is dropped once every output has taken it. A build so holds a few chunks of
    /// rendered bodies (`ChunkPipeline.lookahead`), never all of them, and the large outputs
    /// stream to their staged files.
    package static let renderOutputs = PublishingStep("render outputs", .preparation) { context throws(DiagnosticError) in
        let formats = OutputFormats.enabled(context.config)
        let streams = try OutputStreams(context: context, formats: formats)
        let renderer = ChunkRenderer(formats: formats, cache: context.cache?.rendered, unneeded: streams.unneeded, needs: streams.needs)
        let pipeline = ChunkPipeline(renderer: renderer, streams: streams, shouldStop: context.shouldStop)
        let tally = context.tally(.rendering, total: context.catalog.entries.count)
        let walk = pipeline.walk(context.catalog.entries) { tally?.advance(by: $0) }
        context.diagnostics += walk.diagnostics
        context.bodiesRendered += walk.bodiesRendered
        context.partsCopied += walk.partsLeftInCache
        if let failure = walk.failure { throw failure }
        if walk.stopped { return }
        try streams.finish(into: &context.plan)
        for format in OutputFormats.disabled(context.config) {
            context.plan.retired += format.files(context.config).map(\.standardizedFileURL.path)
            context.plan.ownedFolders += format.ownedFolders(context.config)
        }
    }

    /// Stages every output beside the published one: each changed file's last bytes, the
    /// `.gz` twins, the stale files found. Nothing is published yet.
    package static let stageOutputs = PublishingStep("stage outputs", .staging) { context throws(DiagnosticError) in
        // Everything is rendered: the build cache's index is made ready on the other core
        // while the outputs publish, to be kept or forgotten by what the publication decides.
        context.cache?.archive?.prepareCommit()
        var writer = OutputWriter(state: StateFolder(context.config), staging: context.staging, cache: context.cache, gzip: context.config.gzip)
        writer.chores = context.chores
        // A site published before: any of its outputs' files there (the build's own are staged).
        writer.settles = OutputFormats.enabled(context.config).contains { $0.files(context.config).contains { FileStamp(path: $0.path) != nil } }
        context.staged = try writer.stage(context.plan)
    }

    /// Puts every staged change in place at once.
    package static let publishOutputs = PublishingStep("publish outputs", .publication) { context throws(DiagnosticError) in
        guard let staged = context.staged else { return }
        context.staged = nil
        let tally = context.tally(.writing, total: context.plan.count)
        defer { tally?.advance(by: context.plan.count) }
        context.result = try staged.writer.publish(staged)
        staged.writer.saveLayouts(of: context.plan, spares: context.result.spares)
        for (path, fingerprint) in context.plan.fingerprints { context.cache?.rendered.recordOutput(path, fingerprint: fingerprint) }
        context.lastGood.save(keeping: context.files.map { ExactPath($0.path.relativePath) })
        context.cache?.lastGoodIndex = context.lastGood.known
        context.diagnostics += context.lastGood.takeWarnings()
    }
}

extension PublishingStep {
    /// Remembers the open jobs per language after a build that changed an output, for the
    /// status report's plot.
    package static let recordHistory = PublishingStep("record history", .publication) { context in
        guard !context.result.written.isEmpty || !context.result.removed.isEmpty else { return }
        let active = context.catalog.activeCounts(in: context.config.languageCodes)
        context.diagnostics += HistoryStore(StateFolder(context.config)).record(BuildHistory.Point(at: context.now.seconds, active: active))
    }

    /// Tells the WebSub hub which subscriber feeds this build changed.
    package static let notifyHub = PublishingStep("notify the WebSub hub", .publication) { context in
        guard let hub = context.config.websubHub.flatMap(URL.init(string:)) else { return }
        let written = Set(context.result.written)
        let changed = OutputFormats.enabled(context.config).flatMap { $0.subscriberFeeds(context.config) }
            .filter { written.contains(DisplayPath.of(path: $0.file.standardizedFileURL.path)) }.map(\.url)
        guard !changed.isEmpty else { return }
        context.diagnostics += context.hubNotifier(hub).publish(changed)
    }
}
