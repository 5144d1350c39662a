extension BuildReport {
    /// Why a build published nothing, every output left as it was.
    public enum Withheld: Sendable, Equatable {
        /// `--strict`, and a posting has errors.
        case strict
        /// A stop was asked for (a watcher's shutdown) before the outputs were put in place.
        case stopped
        /// A file changed after the build read it (a watcher's rebuild, told so by
        /// `Publisher.beforePublishing`): the next build reads it again and publishes.
        case superseded
        /// Postings whose last good version no longer reads cleanly: the config or jobfeed
        /// changed under them, and publishing would have taken them offline.
        case lastGoodVersionsBroken
    }
}
