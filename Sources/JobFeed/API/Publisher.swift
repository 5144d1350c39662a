import Foundation

/// Builds every output from a site's postings: the library's entry point, which the
/// command-line tool and the tests drive alike.
public struct Publisher: Sendable {
    public var config: Config
    public var now: Timestamp
    /// Kept by a long-running process so that unchanged files are not read or rendered again.
    public var cache: BuildCache?
    /// Asked between steps; when it returns true the build stops before writing anything.
    public var shouldStop: @Sendable () -> Bool

    public init(config: Config, now: Timestamp, cache: BuildCache? = nil, shouldStop: @escaping @Sendable () -> Bool = { false }) {
        self.config = config
        self.now = now
        self.cache = cache
        self.shouldStop = shouldStop
    }

    static let buildSteps: [PublishingStep] = [
        .discoverPostings, .readPostings, .catalogPostings, .renderFeeds, .renderJSONLD, .renderCSV, .writeOutputs,
    ]

    /// Runs the whole pipeline. Everything is rendered before anything is written, so a run
    /// that fails leaves the last good outputs as they were.
    ///
    /// With `strict`, a posting with errors stops the whole publication: nothing is written.
    public func build(strict: Bool = false) throws(DiagnosticError) -> BuildReport {
        try run(Self.buildSteps, strict: strict)
    }

    /// Reads and checks everything and renders in memory, writing nothing.
    public func check() throws(DiagnosticError) -> BuildReport {
        try run(Self.buildSteps.filter { $0.name != PublishingStep.writeOutputs.name }, strict: false)
    }

    /// Renders every output for the given postings in memory, writing nothing.
    func render(_ postings: [Posting]) throws(DiagnosticError) -> OutputPlan {
        var context = PublishingContext(config: config, now: now)
        context.postings = postings
        for step in [PublishingStep.catalogPostings, .renderFeeds, .renderJSONLD, .renderCSV] {
            try step.body(&context)
        }
        return context.plan
    }

    private func run(_ steps: [PublishingStep], strict: Bool) throws(DiagnosticError) -> BuildReport {
        var context = PublishingContext(config: config, now: now, cache: cache, shouldStop: shouldStop)
        var published = true
        var timings: [(String, Duration)] = []
        for step in steps {
            let isWrite = step.name == PublishingStep.writeOutputs.name
            if shouldStop() || (isWrite && strict && context.diagnostics.contains(where: { $0.severity == .error })) {
                published = false
                break
            }
            let started = ContinuousClock.now
            try step.body(&context)
            timings.append((step.name, ContinuousClock.now - started))
        }
        return BuildReport(catalog: context.catalog, files: context.result, diagnostics: context.diagnostics,
                           published: published, timings: timings, nextChange: NextChange.after(now, in: context.postings))
    }
}

/// What a build did, for the summary the command prints.
public struct BuildReport: Sendable {
    public var catalog: Catalog
    public var files: WriteResult
    public var diagnostics: [Diagnostic]
    /// False when `--strict` held everything back because of errors, or the build was stopped.
    public var published = true
    /// How long each pipeline step took, in order (printed by `build --timings`).
    public var timings: [(step: String, duration: Duration)] = []
    /// When the outputs must next change with no file changing (for the watcher's sleep).
    public var nextChange: NextChange?

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    public func count(_ status: PostingStatus, in language: String) -> Int {
        catalog.entries(in: language).filter { $0.status == status }.count
    }

    /// Translation pairs: keys published in more than one language.
    public var translationPairs: Int {
        let keys = catalog.entries.compactMap { entry in entry.translations.isEmpty ? nil : entry.posting.translationKey }
        return Set(keys).count
    }
}
