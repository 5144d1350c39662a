import Synchronization

/// The tasks sleeping on a clock that moves only when told to (a manual "now" in tests, a
/// virtual debounce clock): each wakes when the clock passes its moment, or when its task is
/// cancelled.
package final class SleeperQueue<Moment: Comparable & Sendable>: Sendable {
    private struct Sleeper {
        package var id: Int
        package var moment: Moment
        package var wake: CheckedContinuation<Void, Never>
    }

    private struct State {
        package var now: Moment
        package var sleepers: [Sleeper] = []
        package var nextID = 0
    }

    private let state: Mutex<State>

    package init(now: Moment) {
        state = Mutex(State(now: now))
    }

    package var now: Moment { state.withLock { $0.now } }

    /// Moves the clock to `moment` (never back) and wakes every sleeper it passes.
    package func advance(to moment: Moment) {
        let due = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.now = max(state.now, moment)
            let now = state.now
            defer { state.sleepers.removeAll { $0.moment <= now } }
            return state.sleepers.filter { $0.moment <= now }.map(\.wake)
        }
        due.forEach { $0.resume() }
    }

    /// Returns once the clock reaches `moment`; throws `CancellationError` if the task is
    /// cancelled first.
    package func sleep(until moment: Moment) async throws {
        let id = state.withLock { state -> Int in
            state.nextID += 1
            return state.nextID
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let due = state.withLock { state -> Bool in
                    if moment <= state.now || Task.isCancelled { return true }
                    state.sleepers.append(Sleeper(id: id, moment: moment, wake: continuation))
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
