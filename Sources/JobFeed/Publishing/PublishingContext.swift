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
    /// Pauses between a hub's retries, when a test wants none.
    var hubRetryDelays: [TimeInterval]?

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
    /// The notifier for the config's hub; tests make the retries immediate.
    func hubNotifier(_ hub: URL) -> HubNotifier {
        var notifier = HubNotifier(hub: hub)
        if let delays = hubRetryDelays { notifier.retryDelays = delays }
        return notifier
    }

    /// Where an output renders to: a staged file when the build writes, else memory.
    func output(_ url: URL) throws(DiagnosticError) -> PendingOutput {
        try PendingOutput(url, destination: destination, state: StateFolder(config))
    }
}

/// One named step of a build, in the manner of Publish's publishing steps, run by its kind:
/// `check` runs the discovery, reading and rendering steps; only `build` publishes.
struct PublishingStep: Sendable {
    enum Kind: Sendable {
        /// Finding the posting files (a one-shot build has already found them).
        case discovery
        /// Reading, cataloguing and rendering: nothing leaves the process.
        case preparation
        /// Putting outputs in place, and telling others they changed.
        case publication
    }

    let name: String
    let kind: Kind
    let body: @Sendable (inout PublishingContext) throws(DiagnosticError) -> Void

    init(_ name: String, _ kind: Kind, _ body: @escaping @Sendable (inout PublishingContext) throws(DiagnosticError) -> Void) {
        self.name = name
        self.kind = kind
        self.body = body
    }
}
