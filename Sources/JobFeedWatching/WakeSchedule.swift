import JobFeedCore

/// When the watcher must next wake with no file changing: the next posting status change,
/// or, after a failed rebuild, a retry with a backoff (1 s, doubling to `WatchService.longestRetry`),
/// whichever comes first. A failure never loses the next status change.
package struct WakeSchedule {
    package struct WakeUp: Equatable {
        package var at: Timestamp
        /// The status change to rebuild for; nil for a retry.
        package var change: NextChange?

        package init(at: Timestamp, change: NextChange? = nil) {
            self.at = at
            self.change = change
        }
    }

    private var statusChange: NextChange?
    private var failures = 0

    package init() {}

    package mutating func after(_ outcome: Result<NextChange?, DiagnosticError>, now: Timestamp) -> WakeUp? {
        switch outcome {
        case let .success(next):
            failures = 0
            statusChange = next
            return next.map { WakeUp(at: $0.at, change: $0) }
        case .failure:
            failures += 1
            let delay = min(Int64(1) << min(failures - 1, 20), WatchService.longestRetry)
            let retry = WakeUp(at: Timestamp(seconds: now.seconds + delay), change: nil)
            // A status change already past is what the failed rebuild was for: the retry covers it.
            guard let change = statusChange, change.at > now, change.at < retry.at else { return retry }
            return WakeUp(at: change.at, change: change)
        }
    }
}
