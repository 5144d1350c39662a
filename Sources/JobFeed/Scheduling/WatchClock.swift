import Foundation
import Synchronization

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
    private struct State {
        var now: Timestamp
        var sleepers: [(id: UInt64, moment: Timestamp, wake: CheckedContinuation<Void, Never>)] = []
        var nextID: UInt64 = 0
    }

    private let state: Mutex<State>

    public init(now: Timestamp) {
        state = Mutex(State(now: now))
    }

    public func now() -> Timestamp {
        state.withLock { $0.now }
    }

    public func advance(to moment: Timestamp) {
        let woken = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.now = max(state.now, moment)
            let due = state.sleepers.filter { $0.moment <= state.now }
            state.sleepers.removeAll { $0.moment <= state.now }
            return due.map(\.wake)
        }
        woken.forEach { $0.resume() }
    }

    public func sleep(until moment: Timestamp) async throws {
        let id = state.withLock { state -> UInt64 in
            state.nextID += 1
            return state.nextID
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let due = state.withLock { state -> Bool in
                    if moment <= state.now || Task.isCancelled { return true }
                    state.sleepers.append((id, moment, continuation))
                    return false
                }
                if due { continuation.resume() }
            }
        } onCancel: {
            let sleeper = state.withLock { state -> CheckedContinuation<Void, Never>? in
                guard let index = state.sleepers.firstIndex(where: { $0.id == id }) else { return nil }
                return state.sleepers.remove(at: index).wake
            }
            sleeper?.resume()
        }
        try Task.checkCancellation()
    }
}
