import Synchronization

/// When the watched files last changed, on the debounce clock, and a wait for them to have
/// been quiet for the debounce since. A rebuild begins at a burst's first change and waits
/// here before it publishes, where it used to begin only once the burst had been quiet: the
/// quiet period and the rebuild's reading and rendering overlap (at the default 250 ms
/// debounce, most of a 10,000-posting rebuild's work is done by the time it ends).
package final class QuietPeriod: Sendable {
    package let length: Duration
    private let elapsed: @Sendable () -> Duration
    private let sleep: @Sendable (Duration) async throws -> Void
    /// The last change, as the time elapsed on the clock from this period's making to it.
    private let lastChange = Mutex<Duration?>(nil)

    package init<C: Clock>(length: Duration, clock: C) where C.Duration == Duration {
        self.length = length
        let origin = clock.now
        elapsed = { origin.duration(to: clock.now) }
        sleep = { try await clock.sleep(until: clock.now.advanced(by: $0), tolerance: nil) }
    }

    /// A file changed now.
    package func noteChange() {
        let now = elapsed()
        lastChange.withLock { $0 = now }
    }

    /// Returns once no change has come for `length`; throws `CancellationError` when the
    /// task is cancelled first.
    package func wait() async throws {
        while true {
            let since = lastChange.withLock { $0 }
            let remaining = since.map { length - (elapsed() - $0) } ?? .zero
            guard remaining > .zero else { return }
            try await sleep(remaining)
        }
    }
}
