import Foundation
import JobFeedCore

/// Where the watcher gets "now" and how it sleeps until a moment: the system clock in use,
/// a manual one in tests so that expiry can be tested exactly.
public protocol WatchClock: Sendable {
    func now() -> Timestamp
    /// Returns at `moment`, or throws `CancellationError` when the task is cancelled first.
    func sleep(until moment: Timestamp) async throws
}

public struct SystemWatchClock: WatchClock {
    public init() {}

    public func now() -> Timestamp {
        Timestamp(Date())
    }

    public func sleep(until moment: Timestamp) async throws {
        // Whole seconds: a posting closing at 17:00:00 leaves the feeds at 17:00:01.000.
        let delay = TimeInterval(moment.seconds) - Date().timeIntervalSince1970
        if delay > 0 { try await Task.sleep(for: .milliseconds(Int64(delay * 1000) + 1)) }
        try Task.checkCancellation()
    }
}

/// A clock that moves only when told to; sleepers wake as it passes their moment.
public final class ManualWatchClock: WatchClock {
    private let sleepers: SleeperQueue<Timestamp>

    public init(now: Timestamp) {
        sleepers = SleeperQueue(now: now)
    }

    public func now() -> Timestamp {
        sleepers.now
    }

    public func advance(to moment: Timestamp) {
        sleepers.advance(to: moment)
    }

    public func sleep(until moment: Timestamp) async throws {
        try await sleepers.sleep(until: moment)
    }
}
