import JobFeedReading

/// What a watcher reports.
public enum ChangeEvent: Sendable, Hashable {
    /// A file below a watched folder was created, written, deleted or renamed.
    case changed(String)
    /// The config file changed.
    case configChanged
    /// Events were lost (inotify's queue overflowed): everything must be looked at again.
    case rescan
    /// A note for the log: a fallback was taken, and why.
    case notice(String)
    /// inotify can no longer see the whole tree (a folder could not be watched again): poll.
    case inotifyLost(String)
}
