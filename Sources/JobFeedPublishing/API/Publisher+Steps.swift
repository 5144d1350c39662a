import Foundation
import JobFeedCore
import JobFeedReading
import JobFeedRendering
import JobFeedSystem

/// The pipeline's steps run by kind: a build's (`build`), a check's, which publishes nothing,
/// and a render of given postings in memory.
extension Publisher {
    /// Reads and checks everything and renders it, writing nothing; its files are what a
    /// build would write, leave unchanged and remove (outputs compared with the disk as they
    /// render; `.gz` twins not counted).
    ///
    /// Unchanged files' readings and parts come from the build cache in the state folder, which
    /// it reads and never changes (so it needs no lock).
    public func check() throws(DiagnosticError) -> BuildReport {
        // A watcher's cache appends and commits under its lock: never from here.
        let cache = self.cache.flatMap { $0.archive == nil ? $0 : nil } ?? BuildCache(readingFrom: config)
        cache.beginBuild(room: 0)
        return try run(Self.buildSteps.filter { $0.kind == .discovery || $0.kind == .preparation }, strict: false, destination: .compared, cache: cache)
    }

    /// Renders every output for the given postings in memory, writing nothing.
    package func render(_ postings: [Posting]) throws(DiagnosticError) -> OutputPlan {
        var context = PublishingContext(config: config, now: now)
        context.postings = postings
        for step in [PublishingStep.catalogPostings, .renderOutputs] {
            try step.body(&context)
        }
        return context.plan
    }

    func run(_ steps: [PublishingStep], strict: Bool, destination: OutputDestination = .staged,
                     discovered: DiscoveredPostings? = nil, cache: BuildCache? = nil, chores: BackgroundChores? = nil) throws(DiagnosticError) -> BuildReport {
        var context = PublishingContext(config: config, now: now, cache: cache ?? self.cache, shouldStop: shouldStop)
        context.chores = chores
        context.destination = destination
        context.hubRetryDelays = hubRetryDelays
        context.progress = progress
        var withheld: BuildReport.Withheld?
        var timings: [(String, Duration)] = []
        if let discovered {
            context.files = discovered.files
            context.stamps = discovered.stamps
            context.diagnostics = discovered.diagnostics
        }
        do {
            var cleared = false
            for step in steps where !(discovered != nil && step.kind == .discovery) {
                if step.kind == .publication, !cleared, let mayPublish = beforePublishing {
                    cleared = mayPublish()
                    if !cleared {
                        withheld = shouldStop() ? .stopped : .superseded
                        break
                    }
                }
                let putsOut = step.kind == .staging || step.kind == .publication
                if let reason = shouldStop() ? .stopped : putsOut ? context.withholding(strict: strict) : nil {
                    withheld = reason
                    break
                }
                let started = ContinuousClock.now
                try step.body(&context)
                timings.append((step.name, ContinuousClock.now - started))
            }
        } catch {
            context.lastGood.abandonAppended()
            throw error
        }
        if withheld != nil {
            context.lastGood.abandonAppended()
            context.staged?.discard()
        }
        if destination == .compared {
            context.result = OutputWriter(state: StateFolder(config), staging: context.staging, cache: nil).wouldWrite(context.plan)
        }
        var report = BuildReport(catalog: context.catalog, files: context.result, diagnostics: context.notices + context.diagnostics,
                                 withheld: withheld, timings: timings, nextChange: NextChange.after(now, in: context.postings))
        report.notices = context.notices
        report.counts = context.counts ?? BuildReport.Counts(context.catalog, postings: context.postings)
        report.inputs = context.inputs
        report.bodiesRendered = context.bodiesRendered
        report.partsCopied = context.partsCopied
        return report
    }
}
