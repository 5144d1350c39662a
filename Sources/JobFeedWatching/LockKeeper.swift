import Foundation
import JobFeedCore
import JobFeedPublishing
import JobFeedReading
import Logging
import Synchronization

/// Holds the watcher's lock for its whole life, and takes it again when someone deleted or
/// replaced the lock file (a cron build would otherwise lock the new file and write beside
/// the watcher).
public final class LockKeeper: Sendable {
    private let lock: Mutex<BuildLock?>
    private let timeout: Duration

    public init(_ lock: BuildLock, timeout: Duration) {
        self.lock = Mutex(lock)
        self.timeout = timeout
    }

    /// Makes sure the lock still guards `config`'s state folder; false when it could not be
    /// taken again within the timeout (another jobfeed locked the new file).
    package func reassert(for config: Config, logger: Logger) -> Bool {
        lock.withLock { held in
            if let current = held, current.guards(config) { return true }
            held = nil
            do {
                held = try BuildLock.acquire(for: config, timeout: timeout)
                logger.warning("the lock file was removed or replaced; locked it again")
                return true
            } catch {
                logger.error("\(error)")
                return false
            }
        }
    }
}
