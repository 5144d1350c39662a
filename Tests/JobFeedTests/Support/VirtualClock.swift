import JobFeed

/// A `Clock` whose time moves only when a test advances it: the watcher's debounce runs on it,
/// so "the files have been quiet long enough" is decided by the test, never by how busy the
/// machine is.
final class VirtualClock: Clock, Sendable {
    struct Instant: InstantProtocol {
        var offset: Duration

        func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }
        func duration(to other: Instant) -> Duration { other.offset - offset }
        static func < (left: Instant, right: Instant) -> Bool { left.offset < right.offset }
    }

    private let sleepers = SleeperQueue(now: Instant(offset: .zero))

    var now: Instant { sleepers.now }
    var minimumResolution: Duration { .zero }

    /// Moves time on, waking every sleeper whose deadline has come.
    func advance(by duration: Duration) {
        sleepers.advance(to: now.advanced(by: duration))
    }

    func sleep(until deadline: Instant, tolerance: Duration?) async throws {
        try await sleepers.sleep(until: deadline)
    }
}
