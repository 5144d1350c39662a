import JobFeedCore

extension BuildReport {
    /// Why a build published nothing, every output left as it was.
    public enum Withheld: Sendable, Equatable {
        /// `--strict`, and a posting has errors.
        case strict
        /// A stop was asked for (a watcher's shutdown) before the outputs were put in place.
        case stopped
        /// Postings whose last good version no longer reads cleanly: the config or jobfeed
        /// changed under them, and publishing would have taken them offline.
        case lastGoodVersionsBroken
    }
}

extension PublishingContext {
    /// Why the publication must not run, if it must not: a posting that once read cleanly,
    /// and now fails in its last good version too, is no broken edit of its own.
    func withholding(strict: Bool) -> BuildReport.Withheld? {
        if !brokenLastGoodVersions.isEmpty { return .lastGoodVersionsBroken }
        if strict && diagnostics.contains(where: { $0.severity == .error }) { return .strict }
        return nil
    }
}
