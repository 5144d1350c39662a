import Foundation
import JobFeedCore
import JobFeedReading
import JobFeedRendering
import JobFeedSystem

/// The state a build carries from step to step: a posting flows one way, from file to
/// `Posting`, to the catalog for "now", to each renderer's bytes, to the writer.
package struct PublishingContext: Sendable {
    package let config: Config
    package let now: Timestamp
    package var files: [PostingFile] = []
    /// The files' stamps as discovery took them (nil: reading takes them).
    package var stamps: [FileStamp?]?
    package var postings: [Posting] = []
    package var catalog: Catalog
    /// The report's counts, taken by the catalog step as it works out each posting's status (at
    /// the end of a build, going over 10,000 postings again took 2.3 ms on one core).
    package var counts: BuildReport.Counts?
    package var plan = OutputPlan()
    package var diagnostics: [Diagnostic] = []
    /// Said once, in this build's report, and not kept in the build record that a no-op build
    /// replays: a state file that was refused and is rebuilt by this build.
    package var notices: [Diagnostic] = []
    /// The outputs staged and not yet published, between the staging and the publication.
    package var staged: StagedWrite?
    package var result = WriteResult()
    /// Postings whose body this build rendered (the rest came from a cache whole).
    package var bodiesRendered = 0
    /// Postings' parts left in the build cache and copied from the outputs' published files.
    package var partsCopied = 0
    /// Where the old versions of replaced outputs go to be removed, and the layouts to be
    /// saved, while the build finishes (else the write step does that itself).
    package var chores: BackgroundChores?
    package var lastGood: LastGoodStore
    /// Postings (display paths) whose last good version no longer reads cleanly: what changed
    /// under them is the config or jobfeed, and the build publishes nothing (`withholding`).
    package var brokenLastGoodVersions: [String] = []
    /// Every posting file's path and stamp as read.
    package var inputs = StableHash()
    package let cache: BuildCache?
    /// The outputs the last build recorded whose files are still as it wrote them (same
    /// stamp), stat'ed on a core of their own while the catalog is made on the other (nil
    /// without a cache: nothing was recorded). A per-posting document a build would write
    /// again with the same bytes is left as it is when it is one of these; stat'ed one by one
    /// as their postings rendered, 7,420 documents took 28.5 ms of a cron build's CPU at
    /// 10,000 postings (perf).
    package var currentOutputs: BackgroundValue<[ExactPath: WrittenOutputs.Output]>?
    /// Where this build writes outputs before they are renamed into place.
    package let staging: StagingFolders
    /// Where the outputs go as they render: staged files for a build; memory or nowhere for
    /// the fuzzer and `check`, which must write nothing.
    package var destination = OutputDestination.memory
    /// Asked by long steps between postings, so that a shutdown need not wait for a whole step.
    package let shouldStop: @Sendable () -> Bool
    /// Told how far the build has come; nil when nobody draws progress.
    package var progress: (@Sendable (BuildProgress) -> Void)?
    /// Pauses between a hub's retries, when a test wants none.
    package var hubRetryDelays: [TimeInterval]?

    package init(config: Config, now: Timestamp, cache: BuildCache? = nil, shouldStop: @escaping @Sendable () -> Bool = { false }) {
        self.config = config
        self.now = now
        self.cache = cache
        self.shouldStop = shouldStop
        self.catalog = Catalog(languages: config.languages, entries: [], now: now)
        self.lastGood = LastGoodStore(config: config, known: cache?.lastGoodIndex)
        lastGood.checkedShare = LastGoodStore.share(at: now)
        self.staging = StagingFolders(StateFolder(config), keepsSpares: config.spares,
                                      ownedFolders: OutputFormats.enabled(config).flatMap { $0.ownedFolders(config) }.map(\.folder.standardizedFileURL.path))
    }
}

extension PublishingContext {
    /// Counts a stage's items for the progress observer, if there is one.
    package func tally(_ stage: BuildProgress.Stage, total: Int) -> ProgressTally? {
        progress.map { ProgressTally(stage, total: total, observe: $0) }
    }

    /// The notifier for the config's hub; tests make the retries immediate.
    package func hubNotifier(_ hub: URL) -> HubNotifier {
        var notifier = HubNotifier(hub: hub)
        if let delays = hubRetryDelays { notifier.retryDelays = delays }
        return notifier
    }

    /// Where an output renders to: a staged file when the build writes, else memory.
    package func output(_ url: URL) throws(DiagnosticError) -> PendingOutput {
        let path = url.standardizedFileURL.path
        switch destination {
        case .memory: return PendingOutput(path: path, sink: OutputSink(), file: nil)
        case .compared: return PendingOutput(path: path, sink: .comparing(with: path, previous: cache?.layouts?.previous(of: path)), file: nil)
        case .staged:
            do {
                let layouts = cache?.layouts
                let spare = staging.spare(for: path)
                let file = try StagedFile(target: path, folder: staging.folder(for: path), spare: spare,
                                          spareLayout: spare.flatMap { layouts?.spans(of: $0) })
                let previous = layouts?.previous(of: path)
                file.previousVersion = previous.map { ($0.identity, $0.layout) }
                return PendingOutput(path: path, sink: OutputSink(file: file, previous: previous), file: file)
            } catch {
                throw DiagnosticError(.error("cannot write the file: \(error.reason); check the folder's permissions and free space",
                                             at: SourceLocation(file: DisplayPath.of(path: path))))
            }
        }
    }

    /// Whether an output holds, as the last build wrote it, bytes of this size and digest: one
    /// of the outputs the catalog step found still as recorded (none without a cache).
    private var isCurrent: @Sendable (String, Int, UInt64) -> Bool {
        let current = currentOutputs?.value ?? [:]
        return { path, size, digest in current[ExactPath(path)].map { $0.size == size && $0.digest == digest } ?? false }
    }

    /// What the formats' writers need from this build.
    package var formatBuild: FormatBuild {
        let files = OutputWriter(state: StateFolder(config), staging: staging, cache: cache)
        return FormatBuild(config: config, catalog: catalog, destination: destination, cache: cache?.rendered,
                           output: { [self] url throws(DiagnosticError) in try output(url) },
                           prepare: { path, data, digest in files.prepare(path, data, digest: digest) },
                           isCurrent: isCurrent,
                           fingerprints: cache.map { _ in OutputFingerprints(shares: Parallel.map(catalog.entries, OutputFingerprints.Share.init)) })
    }
}

/// One named step of a build, in the manner of Publish's publishing steps, run by its kind:
/// `check` runs the discovery, reading and rendering steps; only `build` stages and publishes.
package struct PublishingStep: Sendable {
    package enum Kind: Sendable {
        /// Finding the posting files (a one-shot build has already found them).
        case discovery
        /// Reading, cataloguing and rendering: nothing leaves the process.
        case preparation
        /// Staging the outputs beside the published ones: nothing is published, and a build
        /// that stops here leaves every output as it was.
        case staging
        /// Putting outputs in place, and telling others they changed.
        case publication
    }

    package let name: String
    package let kind: Kind
    package let body: @Sendable (inout PublishingContext) throws(DiagnosticError) -> Void

    package init(_ name: String, _ kind: Kind, _ body: @escaping @Sendable (inout PublishingContext) throws(DiagnosticError) -> Void) {
        self.name = name
        self.kind = kind
        self.body = body
    }
}

extension PublishingContext {
    /// Why the publication must not run, if it must not: a posting that once read cleanly,
    /// and now fails in its last good version too, is no broken edit of its own.
    func withholding(strict: Bool) -> BuildReport.Withheld? {
        if !brokenLastGoodVersions.isEmpty { return .lastGoodVersionsBroken }
        if strict && diagnostics.contains(where: { $0.severity == .error }) { return .strict }
        return nil
    }
}
