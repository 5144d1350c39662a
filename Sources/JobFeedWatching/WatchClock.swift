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
    /// The longest it sleeps before reading the wall clock again. A sleep is measured on the
    /// continuous clock, and the wall clock can be set ahead meanwhile (NTP stepping a clock
    /// that was behind, a virtual machine resumed and its clock corrected): slept in one piece,
    /// a sleep until a posting's closing time kept the posting published for as long after it
    /// as the clock had jumped.
    package static let longestSleep: Duration = .seconds(10)

    public init() {}

    public func now() -> Timestamp {
        Timestamp(Date())
    }

    public func sleep(until moment: Timestamp) async throws {
        try await Self.sleep(until: moment, longest: Self.longestSleep, wallClock: { Date().timeIntervalSince1970 }) { try await Task.sleep(for: $0) }
    }

    /// Sleeps with `sleeping`, `longest` at a time at most, until `wallClock` (seconds since
    /// 1970) reads `moment` or later.
    package static func sleep(until moment: Timestamp, longest: Duration, wallClock: () -> TimeInterval,
                              sleeping: (Duration) async throws -> Void) async throws {
        let longestSeconds = Double(longest.components.seconds)
        while true {
            // Whole seconds: a posting closing at 17:00:00 leaves the feeds at 17:00:01.000.
            let delay = TimeInterval(moment.seconds) - wallClock()
            guard delay > 0 else { break }
            try await sleeping(delay >= longestSeconds ? longest : .milliseconds(Int64(delay * 1000) + 1))
        }
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
