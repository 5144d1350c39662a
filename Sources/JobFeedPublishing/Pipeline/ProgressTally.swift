import JobFeedCore
import Synchronization

/// Counts one stage's items as workers on every core finish them, and tells the build's
/// observer the new count each time.
package final class ProgressTally: Sendable {
    private let stage: BuildProgress.Stage
    private let total: Int
    private let done = Atomic<Int>(0)
    private let observe: @Sendable (BuildProgress) -> Void

    package init(_ stage: BuildProgress.Stage, total: Int, observe: @escaping @Sendable (BuildProgress) -> Void) {
        self.stage = stage
        self.total = total
        self.observe = observe
        observe(BuildProgress(stage, done: 0, total: total))
    }

    package func advance(by count: Int = 1) {
        let now = done.add(count, ordering: .relaxed).newValue
        observe(BuildProgress(stage, done: now, total: total))
    }
}
