import Foundation
import JobFeedCore
import JobFeedReading
import JobFeedRendering
import JobFeedSystem

/// Builds every output from a site's postings: the library's entry point, which the
/// command-line tool and the tests drive alike.
public struct Publisher: Sendable {
    public var config: Config
    public var now: Timestamp
    /// Kept by a long-running process so that unchanged files are not read or rendered again.
    public var cache: BuildCache?
    /// Asked between steps; when it returns true the build stops before writing anything.
    public var shouldStop: @Sendable () -> Bool
    /// The posting files that changed since the last build over `cache`, when the caller
    /// knows them all (a watcher told of each write): the others' listing and stamps are
    /// taken from that build. Nil: the folder is listed and every file stat'ed.
    public var changedFiles: Set<String>?
    /// Told how far the build has come (postings read and rendered, files written), from any
    /// thread: the command line draws a progress line with it.
    public var progress: (@Sendable (BuildProgress) -> Void)?
    /// Whether a postings folder with no posting file in it is published as it is, where the
    /// last build read some, or one with no file of a language that paths name (`fr/`) where
    /// the last build read some: by default that is taken for a folder not there yet (a volume
    /// not mounted, a checkout under way), and the build fails, every output as it was.
    public var allowsNoPostings = false
    /// Whether `now` is the system clock's reading: one well before the state folder was last
    /// written (`StateFolder.lastWritten`) is taken for a clock not set yet (a machine without
    /// a battery-backed clock, before NTP has run), and the build fails, every output as it
    /// was: read as it is, every posting would be dated in the future and left out.
    public var checksTheClock = false
    /// Asked once, when everything has rendered and staged and before anything is put in place: it may
    /// wait, and says whether the build publishes. A watcher's rebuild begins at a burst's
    /// first change and waits here for the files to have been quiet for its debounce, then
    /// gives way (`Withheld.superseded`) if one changed after it was read.
    public var beforePublishing: (@Sendable () -> Bool)?
    /// Pauses between a WebSub hub's retries (the notifier's own when nil; tests use none).
    package var hubRetryDelays: [TimeInterval]?

    public init(config: Config, now: Timestamp, cache: BuildCache? = nil, shouldStop: @escaping @Sendable () -> Bool = { false }) {
        self.config = config
        self.now = now
        self.cache = cache
        self.shouldStop = shouldStop
    }

    package static let buildSteps: [PublishingStep] = [
        .discoverPostings, .readPostings, .catalogPostings, .renderOutputs, .stageOutputs, .publishOutputs, .recordHistory, .notifyHub,
    ]

    /// Runs the whole pipeline. Outputs render into temporary files, and none is put in place
    /// until all have rendered, so a run that fails leaves the last good outputs as they were.
    ///
    /// With `strict`, a posting with errors stops the whole publication: nothing is written.
    ///
    /// A one-shot build (no `cache`) first checks the record of the last build: when nothing it
    /// depends on changed, it reports that build's results and touches nothing. Otherwise it
    /// reads and renders only what changed since the last build that published, taking the
    /// rest from the build cache in the state folder (`CacheArchive`), as a watcher's rebuild
    /// over `BuildCache(persistingIn:)` does.
    public func build(strict: Bool = false) throws(DiagnosticError) -> BuildReport {
        var stopwatch = Stopwatch()
        let setUp = try prepareState()
        try checkTheClock()
        stopwatch.lap("prepare the state folder")
        let cache = self.cache ?? BuildCache(persistingIn: config, keepsReadings: false)
        let oneShot = self.cache == nil
        // A one-shot build reads the last-good index, then the build cache's index, on the core
        // its listing leaves idle. The last-good index comes first: the check of whether
        // anything changed needs it, and the cache's index only a build that runs (read first,
        // the cache's index, 7 MB at 10,000 postings, held back that check whenever listing the
        // postings took less than reading both; read beside it on a third thread, both only
        // slowed each other).
        // With it goes the check of this build's share of the copies (see
        // `LastGoodStore.checkedShare`): one damaged makes a build that would have found nothing
        // to do run, to copy it again.
        let lastGoodAhead = oneShot ? BackgroundValue { [config, now] in
            let store = LastGoodStore(config: config)
            var known = store.known
            let share = LastGoodStore.share(at: now)
            known?.checked = (share, store.damagedCopies(share: share))
            cache.archive?.preloadIndex()
            return (known: known, lost: store.lostIndex)
        } : nil
        if !oneShot { cache.archive?.preloadIndex() }
        // The files found for the up-to-date check are the ones the build then reads; their
        // stamps, taken once, serve the check, the cache's room and the reading.
        let discovered: DiscoveredPostings
        do {
            if let changedFiles, let last = cache.discovered?.updating(changedFiles) {
                discovered = last
            } else {
                discovered = try DiscoveredPostings.find(config)
            }
            stopwatch.lap(PublishingStep.discoverPostings.name)
            try checkNotEmptied(discovered, lastGood: lastGoodAhead?.value.known ?? cache.lastGoodIndex)
        } catch {
            // In this order: the last-good read-ahead starts the cache's.
            lastGoodAhead?.wait()
            cache.archive?.waitForPreload()
            throw error
        }
        // Kept only for a build that runs to its end (a rebuild after a failure lists again).
        cache.discovered = nil
        // A last-good index damaged or deleted is no reason to read nothing: a build that reads
        // every posting copies them again, before one breaks with no fallback to keep it
        // published. (A site whose postings all fail has no index, and is read every time.)
        let lastGoodLost = lastGoodAhead?.value.lost == true && !discovered.files.isEmpty
        let lastGoodDamaged = lastGoodAhead?.value.known?.checked?.damaged.isEmpty == false
        if oneShot, setUp.isEmpty, !lastGoodLost, !lastGoodDamaged,
           var report = upToDateReport(strict: strict, files: discovered.files, stamps: discovered.stamps) {
            // The last-good read-ahead is over: its answer was asked for above.
            cache.archive?.waitForPreload()
            stopwatch.lap("check the build record")
            report.timings = stopwatch.laps
            return report
        }
        cache.beginBuild(room: CacheArchive.room(for: discovered.stamps))
        if let lastGoodAhead { cache.lastGoodIndex = lastGoodAhead.value.known }
        stopwatch.lap("open the build cache")
        let lapsBefore = stopwatch.takeLaps()
        // The replaced outputs' old versions are removed, and the outputs' layouts saved, while
        // the build finishes.
        let chores = BackgroundChores()
        defer { chores.wait() }
        var report: BuildReport
        do {
            report = try run(Self.buildSteps, strict: strict, discovered: discovered, cache: cache, chores: chores)
        } catch {
            cache.archive?.abandon()
            throw error
        }
        stopwatch.restart()
        // The cache's index is saved on the other core while the build is recorded: neither
        // reads what the other writes. The record does not hold the cache's warnings, which
        // are said once, like the one-time notices (a migration, an undone publication): a
        // no-op that replayed them would speak of a build cache it never used.
        let committing = report.published ? cache.archive.map { archive in BackgroundValue { archive.commit(cache) } } : nil
        if committing == nil { cache.archive?.abandon() }
        if oneShot {
            record(report, strict: strict, known: cache.outputStamps)
            stopwatch.lap("record the build")
        } else {
            // A watcher's next rebuild starts from this listing (see `changedFiles`).
            cache.discovered = discovered
        }
        if let committing {
            report.diagnostics += committing.value
            stopwatch.lap("commit the build cache")
        }
        if oneShot { BackgroundRelease.release(consume cache) }
        report.timings = lapsBefore + report.timings + stopwatch.laps
        return report.adding(setUp)
    }

    /// Creates the state folder, moves an older version's files out of `exports/`, and undoes
    /// a publication that a killed build left half done. Call under the lock.
    private func prepareState() throws(DiagnosticError) -> [Diagnostic] {
        let state = StateFolder(config)
        do {
            let moved = try state.prepare(exports: config.exportsDirectory)
            // Undone before the staging folder is cleared: a new folder a killed build staged but
            // never renamed into place is still there, and keeps the undo from taking a folder
            // of that name someone else made (see `Publication.undo`).
            let recovered = Publication.recover(state)
            state.clearStaging()
            return moved + recovered
        } catch {
            throw DiagnosticError(.error("cannot use the state folder: \(error.reason); check its permissions, or set 'state:' in the config", at: SourceLocation(file: DisplayPath.of(state.url))))
        }
    }

    private func upToDateReport(strict: Bool, files: [PostingFile], stamps: [FileStamp?]) -> BuildReport? {
        guard let record = BuildRecord.upToDate(config: config, now: now, strict: strict, files: files, fileStamps: stamps) else { return nil }
        var report = BuildReport(catalog: Catalog(languages: config.languages, entries: [], now: now),
                                 files: WriteResult(unchanged: record.outputs.map(DisplayPath.Relative().of(path:))),
                                 diagnostics: record.diagnostics,
                                 nextChange: record.nextChange.map { NextChange(at: Timestamp(seconds: $0), postings: []) })
        report.counts = record.counts
        return report
    }

    private func record(_ report: BuildReport, strict: Bool, known: (ExactPath) -> FileStamp?) {
        guard report.published else { return BuildRecord.forget(in: config) }
        let outputs = report.files.paths
        BuildRecord(inputs: BuildRecord.combine(config: config, strict: strict, files: report.inputs), now: now.seconds,
                    nextChange: report.nextChange?.at.seconds, outputs: outputs, outputStamps: BuildRecord.stamps(of: outputs, known: known),
                    counts: report.counts, diagnostics: report.diagnostics.filter { !report.notices.contains($0) }).save(in: config)
    }

    /// The bytes the state folder holds (last-good copies, the build record), for `check`.
    public func stateFolderSize() -> Int64 {
        StateFolder(config).size()
    }
}
