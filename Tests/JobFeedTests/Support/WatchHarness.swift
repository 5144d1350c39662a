import Foundation
import Logging
import Synchronization
import Testing
import JobFeed

/// Runs a `WatchService` on a temporary site in-process and records its rebuilds and log lines,
/// so tests can wait, with a bound, for "the next rebuild" instead of sleeping.
///
/// The debounce runs on a `VirtualClock` that moves only while a test waits: a change is
/// published when the test lets the quiet period pass (its rebuild renders before, and is held),
/// so a burst of writes is one published rebuild however slowly the machine delivers it, and no
/// test depends on wall-clock gaps.
final class WatchHarness: Sendable {
    /// What the watcher did: its rebuilds and its log lines.
    final class Recorder: Sendable {
        let rebuilds = Mutex<[Rebuild]>([])
        let lines = Mutex<[String]>([])
    }

    let site: TemporarySite
    let recorder = Recorder()
    let debounceClock = VirtualClock()
    let debounce = Duration.milliseconds(100)
    let service: WatchService
    private let task = Mutex<Task<Void, Error>?>(nil)

    init(site: TemporarySite, clock: any WatchClock = SystemWatchClock(), polling: Bool = false, lock: LockKeeper? = nil,
         statusPage: URL? = nil) {
        self.site = site
        var options = WatchOptions(configFile: site.configURL)
        options.statusPage = statusPage
        options.debounce = debounce
        options.polling = polling
        options.pollInterval = .milliseconds(100)
        let recorder = recorder
        service = WatchService(options: options, logger: Logger(label: "test") { _ in CollectingLogHandler(recorder: recorder) },
                               clock: clock, debounceClock: debounceClock, lock: lock) { rebuild in
            recorder.rebuilds.withLock { $0.append(rebuild) }
        }
        task.withLock { [service] in $0 = Task { try await service.run() } }
    }

    /// Runs a test's steps with the watcher, then stops it and waits for it whether they pass
    /// or throw (a `#require` that fails): Swift has no asynchronous `defer`, and a rebuild still
    /// running, or one the site's removal sets off, would write into a folder the test has given
    /// back (such rebuilds left a site folder behind in the temporary folder each run).
    func run<Result>(_ steps: () async throws -> Result) async throws -> Result {
        let result: Result
        do {
            result = try await steps()
        } catch {
            await finish()
            throw error
        }
        await finish()
        return result
    }

    private func finish() async {
        task.withLock { $0?.cancel() }
        _ = await task.withLock { $0 }?.result
    }

    var count: Int { recorder.rebuilds.withLock { $0.count } }
    var last: Rebuild? { recorder.rebuilds.withLock { $0.last } }

    /// How many log lines contain `text`.
    func logged(_ text: String) -> Int {
        recorder.lines.withLock { $0.filter { $0.contains(text) }.count }
    }

    /// Waits until `condition` holds, letting the debounce's quiet period pass on each look
    /// (unless `movingTheClock` is false: the watcher then sees changes, but no quiet period
    /// ends); `timeout` only guards against a hang, it is no expectation of speed.
    @discardableResult
    func wait(for what: String, timeout: Duration = .seconds(120), movingTheClock: Bool = true, _ condition: () -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if condition() { return true }
            if movingTheClock { debounceClock.advance(by: debounce) }
            try? await Task.sleep(for: .milliseconds(10))
        }
        Issue.record("timed out waiting for \(what)")
        return false
    }

    /// Waits for the rebuild after `count` rebuilds have happened.
    @discardableResult
    func waitForRebuild(after count: Int, timeout: Duration = .seconds(120)) async -> Rebuild? {
        await wait(for: "rebuild #\(count + 1)", timeout: timeout) { self.count > count }
        return recorder.rebuilds.withLock { $0.count > count ? $0[count] : nil }
    }

    /// Lets `count` quiet periods pass on the debounce clock, yielding between them, so that a
    /// rebuild still owed would happen (used before asserting that none is).
    func letQuietPeriodsPass(_ count: Int) async {
        for _ in 0..<count {
            debounceClock.advance(by: debounce)
            try? await Task.sleep(for: .milliseconds(20))
        }
    }

    /// Waits until a rebuild has rendered and is held for the quiet period, without letting
    /// the debounce end.
    func waitUntilHeld(timeout: Duration = .seconds(120)) async {
        await wait(for: "a rebuild held for the quiet period", timeout: timeout, movingTheClock: false) { service.isHoldingARebuild }
    }

    /// Waits until the watcher has seen `files` changed files, without letting the debounce end.
    func waitUntilSeen(files: Int, timeout: Duration = .seconds(120)) async {
        await wait(for: "the watcher to see \(files) changed files", timeout: timeout, movingTheClock: false) { service.pendingFileCount >= files }
    }
}

struct CollectingLogHandler: LogHandler {
    let recorder: WatchHarness.Recorder
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        recorder.lines.withLock { $0.append("\(event.level) \(event.message)") }
    }
}
