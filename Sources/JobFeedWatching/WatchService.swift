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
    /// How long the files must stay quiet before a rebuild publishes (a `git pull` is one
    /// burst); the rebuild begins at the first change, and reads and renders meanwhile.
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

/// `jobfeed watch`: builds at start, then again whenever postings or the config change
/// (publishing once the burst settles) and whenever a posting's closing date passes or its publication date
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
    /// When the files last changed: a rebuild publishes once they have been quiet for the debounce.
    let quiet: QuietPeriod
    /// The files the rebuild under way began for, until it publishes or gives way.
    let underWay = Mutex<Set<String>>([])
    /// The wait of a rebuild held before it publishes, cancelled by a stop.
    let holding = Mutex<Task<Void, Never>?>(nil)

    package static let longestRetry: Int64 = 300

    public init(options: WatchOptions, logger: Logger, clock: any WatchClock = SystemWatchClock(),
                debounceClock: any Clock<Duration> = ContinuousClock(), lock: LockKeeper? = nil,
                observe: @escaping @Sendable (Rebuild) -> Void = { _ in }) {
        self.options = options
        self.logger = logger
        self.clock = clock
        self.debounceClock = debounceClock
        quiet = QuietPeriod(length: options.debounce, clock: debounceClock)
        self.lock = lock
        self.observe = observe
    }

    /// How many changed files wait to be published, by the rebuild under way or the next one
    /// (for tests that must know a burst has been seen before they let the debounce end).
    package var pendingFileCount: Int { pending.withLock { $0.files }.union(underWay.withLock { $0 }).count }

    /// Whether a rebuild has rendered and waits for the quiet period before it publishes (for
    /// tests that must know it got there before they let the debounce end).
    package var isHoldingARebuild: Bool { holding.withLock { $0 != nil } }

    public func run() async throws {
        var session = try WatchSession(options: options, logger: logger)
        let (triggers, trigger) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        // A change starts a rebuild at once (or the next, when one is under way); the rebuild
        // waits for the quiet period before it publishes (`mayPublish`).
        session.startWatching { [self] event in
            guard record(event) else { return }
            quiet.noteChange()
            trigger.yield()
        }
        defer { session.stopWatching() }
        await withGracefulShutdownHandler {
            await withDiscardingTaskGroup { group in
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
            stop()
            trigger.finish()
        }
    }

    /// Rebuilds once, then once per trigger; a trigger that arrives during a rebuild is kept
    /// (the stream holds one), so a burst during a rebuild causes exactly one more.
    private func loop(_ session: inout WatchSession, triggers: AsyncStream<Void>, trigger: AsyncStream<Void>.Continuation) async {
        var schedule = WakeSchedule()
        var wake: Task<Void, Never>?
        // The first rebuild, too, gives way to a change that comes while it reads.
        if let first = await rebuild(&session, PendingChanges(), changed: nil) {
            wake = self.wake(schedule.after(first, now: clock.now()), trigger: trigger)
        }
        // The work of a rebuild that gave way to a later change, which the next one takes on.
        var gaveWay = PendingChanges()
        for await _ in triggers {
            if stopping.withLock({ $0 }) { break }
            // A config is read, and the folder listed again, once the files have settled, as
            // before rebuilds began at a change: read mid-save, a config that failed to parse
            // or came back empty kept the last one, and a poller may see no later change.
            if pending.withLock({ $0.waitsForQuiet }) {
                try? await quiet.wait()
                if stopping.withLock({ $0 }) { break }
            }
            var work = pending.withLock { current -> PendingChanges in
                defer { current = PendingChanges() }
                return current
            }
            work.takeBack(gaveWay)
            let changed = work.knownChanges
            // Late events of files the last build read as they are now (the rest of a burst's
            // events, arriving after its rebuild began) change nothing; what a rebuild that
            // gave way read is not published yet.
            work.files = work.files.filter { gaveWay.files.contains($0) || !session.cache.holdsWhatWasRead($0) }
            gaveWay = PendingChanges()
            if work.isEmpty { continue }
            if let reason = work.pollingNeeded { session.switchToPolling(because: reason) }
            if work.configChanged { session.reloadConfig() }
            // Nil: it gave way to a change that came after it read a file, which has asked
            // for the next rebuild.
            guard let result = await rebuild(&session, work, changed: changed) else {
                gaveWay = work
                continue
            }
            wake?.cancel()
            wake = self.wake(schedule.after(result, now: clock.now()), trigger: trigger)
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
