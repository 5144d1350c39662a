import ArgumentParser

/// When a build or check shows its progress on a terminal.
public struct ProgressOptions: ParsableArguments {
    @Option(name: .long, help: "On a terminal, show progress once a build has run this long (e.g. 0s, 2s).")
    public var progressAfter = DurationArgument(.milliseconds(500), "500ms")

    public init() {}

    /// The progress line on standard error, or nil when none is wanted or it would not be seen.
    func line(quiet: Bool) -> ProgressLine? {
        ProgressLine.standardError(quiet: quiet, after: progressAfter.duration)
    }
}
