/// Times a build's stretches outside its pipeline steps (preparing the state folder, listing
/// the postings, opening and committing the build cache, the build record), so that
/// `build --timings` accounts for the whole build and not only the steps.
struct Stopwatch {
    private var lapStarted = ContinuousClock.now
    private(set) var laps: [(step: String, duration: Duration)] = []

    /// Records the time since the last lap (or the start) as `step`.
    mutating func lap(_ step: String) {
        let now = ContinuousClock.now
        laps.append((step, now - lapStarted))
        lapStarted = now
    }

    /// The laps so far, which it then forgets.
    mutating func takeLaps() -> [(step: String, duration: Duration)] {
        defer { laps.removeAll() }
        return laps
    }

    /// Starts the next lap now, leaving out what ran since the last (timed on its own).
    mutating func restart() {
        lapStarted = ContinuousClock.now
    }
}
