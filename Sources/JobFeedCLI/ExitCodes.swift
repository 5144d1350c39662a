import ArgumentParser

/// The exit statuses, stable and documented in README.md.
public enum ExitStatus {
    /// Built (whether or not any file changed).
    public static let success = ExitCode.success
    /// Some postings have errors: they were left out, everything else was published.
    public static let postingErrors = ExitCode(1)
    /// The configuration is wrong, or a folder cannot be read or written: nothing was written.
    public static let configurationError = ExitCode(2)
    /// Bad command-line usage (ArgumentParser's own code).
    public static let usage = ExitCode.validationFailure
    /// Another jobfeed held the lock for longer than --lock-timeout (EX_TEMPFAIL: try later).
    public static let lockBusy = ExitCode(75)
}
