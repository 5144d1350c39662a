import AsyncAlgorithms
import Dispatch
import Foundation
import JobFeedCore
import JobFeedPublishing
import JobFeedReading
import JobFeedSystem
import Logging
import ServiceLifecycle
import Synchronization

public struct WatchOptions: Sendable {
    public var configFile: URL
    public var overrides: FolderOverrides
    /// How long the files must stay quiet before a rebuild (a `git pull` is one burst).
    public var debounce: Duration = .milliseconds(250)
    /// A periodic full rebuild as a safety net.
    public var interval: Duration?
    /// Poll instead of using inotify, and how often.
    public var polling = false
    public var pollInterval: Duration = .seconds(1)
    /// A status page (`jobfeed report`) written again after every rebuild.
    public var statusPage: URL?

    public init(configFile: URL, overrides: FolderOverrides = FolderOverrides()) {
        self.configFile = configFile
        self.overrides = overrides
    }
}

/// One rebuild, as logged and as handed to observers (the tests).
public struct Rebuild: Sendable {
    public var trigger: String
    public var duration: Duration
    public var report: BuildReport
}

/// `jobfeed watch`: builds at start, then again whenever postings or the config change (after
/// the burst settles) and whenever a posting's closing date passes or its publication date
/// arrives; sleeps in between. Runs as a swift-service-lifecycle `Service`, so SIGTERM and
/// SIGINT end it gracefully: a rebuild in progress stops before writing, or completes.
///
/// A rebuild that fails (a full disk, an unwritable file) is retried with a backoff of 1 s
/// doubling to 5 min, and the next closing or opening time stays scheduled meanwhile.
public final class WatchService: Service, Sendable {
    package let options: WatchOptions
    package let logger: Logger
    package let clock: any WatchClock
    /// What the debounce waits on: the continuous clock in use, a virtual one in tests.
    package let debounceClock: any Clock<Duration>
    package let lock: LockKeeper?
    package let observe: @Sendable (Rebuild) -> Void
    package let pending = Mutex(PendingChanges())
    package let stopping = Mutex(false)

    package static let longestRetry: Int64 = 300

    public init(options: WatchOptions, logger: Logger, clock: any WatchClock = SystemWatchClock(),
                debounceClock: any Clock<Duration> = ContinuousClock(), lock: LockKeeper? = nil,
                observe: @escaping @Sendable (Rebuild) -> Void = { _ in }) {
        self.options = options
        self.logger = logger
        self.clock = clock
        self.debounceClock = debounceClock
        self.lock = lock
        self.observe = observe
    }

    /// How many changed files wait for the next rebuild (for tests that must know a burst
    /// has been seen before they let the debounce end).
    package var pendingFileCount: Int { pending.withLock { $0.files.count } }

    public func run() async throws {
        var session = try WatchSession(options: options, logger: logger)
        let (triggers, trigger) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        let (changes, change) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        session.startWatching { [self] event in
            if record(event) { change.yield() }
        }
        defer { session.stopWatching() }
        await withGracefulShutdownHandler {
            await withDiscardingTaskGroup { group in
                group.addTask { [options, debounceClock] in
                    await debounceClock.forwardDebounced(changes, quietFor: options.debounce, to: trigger)
                }
                if let interval = options.interval {
                    group.addTask { [self] in
                        while (try? await Task.sleep(for: interval)) != nil {
                            pending.withLock { $0.interval = true }
                            trigger.yield()
                        }
                    }
                }
                await loop(&session, triggers: triggers, trigger: trigger)
                group.cancelAll()
            }
        } onGracefulShutdown: { [self] in
            stopping.withLock { $0 = true }
            trigger.finish()
            change.finish()
        }
    }

    /// Rebuilds once, then once per trigger; a trigger that arrives during a rebuild is kept
    /// (the stream holds one), so a burst during a rebuild causes exactly one more.
    private func loop(_ session: inout WatchSession, triggers: AsyncStream<Void>, trigger: AsyncStream<Void>.Continuation) async {
        var schedule = WakeSchedule()
        var wake = self.wake(schedule.after(await rebuild(&session, PendingChanges(), changed: nil), now: clock.now()), trigger: trigger)
        for await _ in triggers {
            if stopping.withLock({ $0 }) { break }
            var work = pending.withLock { current -> PendingChanges in
                defer { current = PendingChanges() }
                return current
            }
            let changed = work.knownChanges
            // Late events of files the last build read as they are now (the rest of a burst's
            // events, arriving after its rebuild began) change nothing.
            work.files = work.files.filter { !session.cache.hasRead($0) }
            if work.isEmpty { continue }
            if let reason = work.pollingNeeded { session.switchToPolling(because: reason) }
            if work.configChanged { session.reloadConfig() }
            wake?.cancel()
            wake = self.wake(schedule.after(await rebuild(&session, work, changed: changed), now: clock.now()), trigger: trigger)
        }
        wake?.cancel()
    }

    /// Sleeps until the next wake-up (a status change, or a retry), then asks for a rebuild.
    private func wake(_ next: WakeSchedule.WakeUp?, trigger: AsyncStream<Void>.Continuation) -> Task<Void, Never>? {
        guard let next else { return nil }
        return Task { [self] in
            guard (try? await clock.sleep(until: next.at)) != nil else { return }
            pending.withLock { pending in
                if let change = next.change { pending.time = change } else { pending.retry = true }
            }
            trigger.yield()
        }
    }

    /// Runs one build off the cooperative thread pool (it blocks on file I/O and C libraries);
    /// the next status change, or nil when the rebuild failed. `changed`: the posting files
    /// written since the last rebuild, when they are all that changed (`Publisher.changedFiles`).
    private func rebuild(_ session: inout WatchSession, _ work: PendingChanges, changed: Set<String>?) async -> Result<NextChange?, DiagnosticError> {
        let started = ContinuousClock.now
        if let lock, !lock.reassert(for: session.config, logger: logger) {
            let failure = DiagnosticError(.error("another jobfeed holds the lock; not rebuilding", at: SourceLocation(file: DisplayPath.of(StateFolder(session.config).lock))))
            RebuildLog(logger: logger).failed(failure)
            return .failure(failure)
        }
        let publisher = session.publisher(now: clock.now(), checksTheClock: clock is SystemWatchClock, changedFiles: changed,
                                          shouldStop: { [self] in stopping.withLock { $0 } })
        let result = await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                let result = Result { () throws(DiagnosticError) in try publisher.build() }
                // A rebuild frees what it held for the outputs; without giving it back, each
                // thread's malloc arena kept its share and the watcher's resident memory grew
                // by a quarter over the first rebuilds (50,000 postings: 0.82 to 1.04 GB).
                FreedMemory.release()
                continuation.resume(returning: result)
            }
        }
        switch result {
        case let .success(report):
            let rebuild = Rebuild(trigger: work.trigger(relativeTo: DisplayPath.of(path:)), duration: ContinuousClock.now - started, report: report)
            RebuildLog(logger: logger).record(rebuild, languages: session.config.languages)
            if let page = options.statusPage, report.published {
                do throws(DiagnosticError) {
                    try publisher.writeStatusPage(publisher.status(of: report), to: page)
                } catch {
                    // The outputs are published; a page that cannot be written is only reported.
                    for diagnostic in error.diagnostics { logger.warning("\(diagnostic)") }
                }
            }
            observe(rebuild)
            return .success(report.nextChange)
        case let .failure(error):
            RebuildLog(logger: logger).failed(error)
            return .failure(error)
        }
    }

    /// Keeps what a watcher reported; says whether it is worth a rebuild.
    private func record(_ event: ChangeEvent) -> Bool {
        switch event {
        case let .changed(path):
            return pending.withLock { $0.files.insert(path) ; return true }
        case .rescan:
            pending.withLock { $0.rescan = true }
            return true
        case .configChanged:
            pending.withLock { $0.configChanged = true }
            return true
        case let .notice(text):
            logger.warning("\(text)")
            return false
        case let .inotifyLost(reason):
            pending.withLock { $0.pollingNeeded = reason; $0.rescan = true }
            return true
        }
    }
}

extension Clock where Duration == Swift.Duration {
    /// Passes on one trigger per burst of changes, once they have been quiet for `quiet` on
    /// this clock.
    fileprivate func forwardDebounced(_ changes: AsyncStream<Void>, quietFor quiet: Duration, to trigger: AsyncStream<Void>.Continuation) async {
        for await _ in changes.debounce(for: quiet, clock: self) { trigger.yield() }
    }
}
