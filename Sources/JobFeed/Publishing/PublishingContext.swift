import Foundation

/// The state a build carries from step to step: a posting flows one way, from file to
/// `Posting`, to the catalog for "now", to each renderer's bytes, to the writer.
struct PublishingContext: Sendable {
    let config: Config
    let now: Timestamp
    var files: [PostingFile] = []
    var postings: [Posting] = []
    var catalog: Catalog
    var plan = OutputPlan()
    var diagnostics: [Diagnostic] = []
    var result = WriteResult()
    var lastGood: LastGoodStore
    /// Every posting file's path and stamp as read.
    var inputs = StableHash()
    let cache: BuildCache?
    /// Where the outputs go as they render: staged files for a build; memory or nowhere for
    /// the fuzzer and `check`, which must write nothing.
    var destination = OutputDestination.memory
    /// Asked by long steps between postings, so that a shutdown need not wait for a whole step.
    let shouldStop: @Sendable () -> Bool

    init(config: Config, now: Timestamp, cache: BuildCache? = nil, shouldStop: @escaping @Sendable () -> Bool = { false }) {
        self.config = config
        self.now = now
        self.cache = cache
        self.shouldStop = shouldStop
        self.catalog = Catalog(languages: config.languages, entries: [], now: now)
        self.lastGood = LastGoodStore(config: config)
    }
}

extension PublishingContext {
    /// Where an output renders to: a staged file when the build writes, else memory.
    func output(_ url: URL) throws(DiagnosticError) -> PendingOutput {
        try PendingOutput(url, destination: destination, state: StateFolder(config))
    }
}

/// One named step of a build, in the manner of Publish's publishing steps.
struct PublishingStep: Sendable {
    let name: String
    let body: @Sendable (inout PublishingContext) throws(DiagnosticError) -> Void

    init(_ name: String, _ body: @escaping @Sendable (inout PublishingContext) throws(DiagnosticError) -> Void) {
        self.name = name
        self.body = body
    }
}
