import AsyncAlgorithms
import Dispatch
import Foundation
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
public final class WatchService: Service, Sendable {
    let options: WatchOptions
    let logger: Logger
    let clock: any WatchClock
    let observe: @Sendable (Rebuild) -> Void
    let pending = Mutex(PendingChanges())
    let stopping = Mutex(false)

    public init(options: WatchOptions, logger: Logger, clock: any WatchClock = SystemWatchClock(),
                observe: @escaping @Sendable (Rebuild) -> Void = { _ in }) {
        self.options = options
        self.logger = logger
        self.clock = clock
        self.observe = observe
    }

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
                group.addTask { [debounce = options.debounce] in
                    for await _ in changes.debounce(for: debounce) { trigger.yield() }
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
        var wake = schedule(await rebuild(&session, PendingChanges()), trigger: trigger)
        for await _ in triggers {
            if stopping.withLock({ $0 }) { break }
            let work = pending.withLock { current -> PendingChanges in
                defer { current = PendingChanges() }
                return current
            }
            if work.isEmpty { continue }
            if work.configChanged { session.reloadConfig() }
            wake?.cancel()
            wake = schedule(await rebuild(&session, work), trigger: trigger)
        }
        wake?.cancel()
    }

    /// Sleeps until the next moment a posting's status changes, then asks for a rebuild.
    private func schedule(_ next: NextChange?, trigger: AsyncStream<Void>.Continuation) -> Task<Void, Never>? {
        guard let next else { return nil }
        return Task { [self] in
            guard (try? await clock.sleep(until: next.at)) != nil else { return }
            pending.withLock { $0.time = next }
            trigger.yield()
        }
    }

    /// Runs one build off the cooperative thread pool (it blocks on file I/O and C libraries).
    private func rebuild(_ session: inout WatchSession, _ work: PendingChanges) async -> NextChange? {
        let started = ContinuousClock.now
        let publisher = session.publisher(now: clock.now(), shouldStop: { [self] in stopping.withLock { $0 } })
        let result = await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: Result { () throws(DiagnosticError) in try publisher.build() }) }
        }
        switch result {
        case let .success(report):
            let rebuild = Rebuild(trigger: work.trigger(relativeTo: DisplayPath.of(path:)), duration: ContinuousClock.now - started, report: report)
            RebuildLog(logger: logger).record(rebuild, languages: session.config.languages)
            observe(rebuild)
            return report.nextChange
        case let .failure(error):
            RebuildLog(logger: logger).failed(error)
            return nil
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
        }
    }
}
