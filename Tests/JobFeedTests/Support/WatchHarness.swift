import Foundation
import Logging
import Synchronization
import Testing
@testable import JobFeed

/// Runs a `WatchService` on a temporary site in-process and records its rebuilds and log lines,
/// so tests can wait, with a bound, for "the next rebuild" instead of sleeping.
final class WatchHarness: Sendable {
    let site: TemporarySite
    let rebuilds = Mutex<[Rebuild]>([])
    let logs = Mutex<[String]>([])
    private let task = Mutex<Task<Void, Error>?>(nil)

    init(site: TemporarySite, clock: any WatchClock = SystemWatchClock(), debounce: Duration = .milliseconds(100), polling: Bool = false) {
        self.site = site
        var options = WatchOptions(configFile: site.configURL)
        options.debounce = debounce
        options.polling = polling
        options.pollInterval = .milliseconds(100)
        let logs = CollectingLogHandler(lines: self)
        let service = WatchService(options: options, logger: Logger(label: "test") { _ in logs }, clock: clock) { [self] rebuild in
            rebuilds.withLock { $0.append(rebuild) }
        }
        task.withLock { $0 = Task { try await service.run() } }
    }

    func stop() {
        task.withLock { $0?.cancel() }
    }

    var count: Int { rebuilds.withLock { $0.count } }
    var last: Rebuild? { rebuilds.withLock { $0.last } }

    /// Waits until `condition` holds, polling every 20 ms, for at most `timeout`.
    @discardableResult
    func wait(for what: String, timeout: Duration = .seconds(60), _ condition: () -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if condition() { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        Issue.record("timed out waiting for \(what)")
        return false
    }

    /// Waits for the rebuild after `count` rebuilds have happened.
    @discardableResult
    func waitForRebuild(after count: Int, timeout: Duration = .seconds(60)) async -> Rebuild? {
        await wait(for: "rebuild #\(count + 1)", timeout: timeout) { self.count > count }
        return rebuilds.withLock { $0.count > count ? $0[count] : nil }
    }

    /// Lets the watcher settle: no new rebuild for `quiet`.
    func settle(quiet: Duration = .milliseconds(600)) async {
        var seen = count
        while true {
            try? await Task.sleep(for: quiet)
            if count == seen { return }
            seen = count
        }
    }
}

struct CollectingLogHandler: LogHandler {
    let lines: WatchHarness
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        lines.logs.withLock { $0.append("\(event.level) \(event.message)") }
    }
}
