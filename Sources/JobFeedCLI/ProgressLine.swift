import Foundation
import JobFeed
import Synchronization

/// One line on a terminal, redrawn in place, saying how far a slow build has come: nothing for
/// a build that ends within `after` (most do), then at most one redraw per `interval`. The
/// clock is injected, so the tests decide what time it is.
final class ProgressLine: Sendable {
    private struct State {
        var lastDrawn: Duration?
        var shown = false
    }

    private let after: Duration
    private let interval: Duration
    private let elapsed: @Sendable () -> Duration
    private let write: @Sendable (String) -> Void
    private let state = Mutex(State())

    init(after: Duration, interval: Duration = .milliseconds(100), elapsed: @escaping @Sendable () -> Duration,
         write: @escaping @Sendable (String) -> Void) {
        self.after = after
        self.interval = interval
        self.elapsed = elapsed
        self.write = write
    }

    /// Draws the progress when it is due; the last stage's final count is always drawn, so the
    /// line does not stop short of a stage's end.
    func update(_ progress: BuildProgress) {
        let now = elapsed()
        guard now >= after else { return }
        let text = state.withLock { state -> String? in
            let finished = progress.done == progress.total
            if let last = state.lastDrawn, now - last < interval, !finished { return nil }
            state.lastDrawn = now
            state.shown = true
            return progress.description
        }
        if let text { write(Self.redraw + text) }
    }

    /// What the publisher calls as the build goes.
    var observer: @Sendable (BuildProgress) -> Void {
        { [self] progress in update(progress) }
    }

    /// Erases the line, if one was drawn, before the summary is printed.
    func clear() {
        if state.withLock({ $0.shown }) { write(Self.redraw) }
    }

    /// Back to the start of the line, and erase it.
    private static let redraw = "\r\u{1B}[K"

    /// The line for standard error, or nil when it would not be seen as one: not a terminal,
    /// `--quiet`, `NO_COLOR` (which asks for plain output), or `TERM=dumb`.
    static func standardError(quiet: Bool, after: Duration,
                              environment: [String: String] = ProcessInfo.processInfo.environment) -> ProgressLine? {
        guard !quiet, TerminalStyle(isTerminal: isatty(STDERR_FILENO) == 1, environment: environment).colours else { return nil }
        let start = ContinuousClock.now
        return ProgressLine(after: after, elapsed: { ContinuousClock.now - start },
                            write: { FileHandle.standardError.write(Data($0.utf8)) })
    }
}
