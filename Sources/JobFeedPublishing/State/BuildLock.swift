import Foundation
import JobFeedCore
import JobFeedReading
import JobFeedSystem

/// An exclusive `flock` on a lock file in the state folder, held by `build` while it runs and
/// by `watch` for its whole life, so that a cron build and a watcher never write at the same
/// time. The lock is released when this value is released, or when the process dies.
///
/// A lock on a file that was since deleted or replaced guards nothing (the next process locks
/// the new file): after each `flock` the locked file must still be the one at the path, else it
/// is opened and locked again.
public final class BuildLock: Sendable {
    private let file: OpenFile

    public enum Failure: Error, Sendable, CustomStringConvertible {
        case busy(path: String, waited: Duration)
        case unusable(path: String, reason: String)

        public var description: String {
            switch self {
            case let .busy(path, waited):
                return "\(path): error: another jobfeed (a watcher, or a build) holds the lock; gave up after \(waited.formatted(.units(allowed: [.seconds, .milliseconds], width: .abbreviated))) (raise --lock-timeout, or stop the other process)"
            case let .unusable(path, reason):
                return "\(path): error: cannot use the lock file: \(reason); check the folder's permissions"
            }
        }
    }

    private init(file: OpenFile) {
        self.file = file
    }

    deinit {
        // Closing the file releases the lock too; unlocking first says so.
        flock(file.rawValue, LOCK_UN)
    }

    /// How a wait for a busy lock passes time: the system's monotonic clock, or a test's that
    /// moves only when the wait pauses (so that no test depends on how fast the machine is).
    package struct WaitClock: Sendable {
        package var now: @Sendable () -> ContinuousClock.Instant
        package var pause: @Sendable (Duration) -> Void

        package init(now: @escaping @Sendable () -> ContinuousClock.Instant, pause: @escaping @Sendable (Duration) -> Void) {
            self.now = now
            self.pause = pause
        }

        package static let system = WaitClock(now: { ContinuousClock.now }, pause: { Thread.sleep(forTimeInterval: Double($0.components.seconds) + Double($0.components.attoseconds) / 1e18) })
    }

    /// How long a wait pauses between tries.
    package static let retryInterval = Duration.milliseconds(50)

    /// Takes the lock for `config`'s outputs, waiting up to `timeout` for another holder.
    public static func acquire(for config: Config, timeout: Duration) throws(Failure) -> BuildLock {
        try acquire(for: config, timeout: timeout, clock: .system)
    }

    package static func acquire(for config: Config, timeout: Duration, clock: WaitClock) throws(Failure) -> BuildLock {
        let state = StateFolder(config)
        let path = state.lock.path
        let display = DisplayPath.of(path: path)
        do {
            try StateFolder.create(state.url)
        } catch {
            throw .unusable(path: display, reason: error.reason)
        }
        let deadline = clock.now() + timeout
        while true {
            let file: OpenFile
            do {
                file = try OpenFile(path, .readWrite, options: [.create], permissions: [.ownerReadWrite], operation: "lock")
            } catch {
                throw .unusable(path: display, reason: error.reason)
            }
            while true {
                do {
                    // Busy is EWOULDBLOCK, an error like any other to the wrapper.
                    try SystemCall.check("lock", path) { flock(file.rawValue, LOCK_EX | LOCK_NB) }
                    break
                } catch where error.code == EWOULDBLOCK {
                    guard clock.now() < deadline else { throw .busy(path: display, waited: timeout) }
                    clock.pause(retryInterval)
                } catch {
                    throw .unusable(path: display, reason: error.reason)
                }
            }
            if isStillAtPath(file, path) { return BuildLock(file: file) }
        }
    }

    /// Whether the open file is the one the path names now (same device and inode).
    private static func isStillAtPath(_ file: OpenFile, _ path: String) -> Bool {
        var open = stat()
        var named = stat()
        guard fstat(file.rawValue, &open) == 0, stat(path, &named) == 0 else { return false }
        return open.st_dev == named.st_dev && open.st_ino == named.st_ino
    }

    /// Whether the lock still guards its path: a watcher checks this before each rebuild and
    /// takes the lock again when someone deleted the file.
    public func guards(_ config: Config) -> Bool {
        Self.isStillAtPath(file, StateFolder(config).lock.path)
    }
}
