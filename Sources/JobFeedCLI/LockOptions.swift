import ArgumentParser

/// The lock that keeps two jobfeeds (a watcher, a cron build) from writing at once: the
/// commands that write take it, and say how long they wait for it.
public struct LockOptions: ParsableArguments {
    @Option(name: .long, help: "How long to wait for another jobfeed (a watcher, an earlier cron build) to release the lock.")
    public var lockTimeout = DurationArgument(.seconds(10), "10s")

    public init() {}
}
