import Foundation

/// An exclusive `flock` on a lock file beside the outputs, held by `build` while it runs and by
/// `watch` for its whole life, so that a cron build and a watcher never write at the same time.
/// The lock is released when this value is released, or when the process dies.
public final class BuildLock: Sendable {
    public static let fileName = ".jobfeed.lock"
    private let descriptor: Int32

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

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }

    /// Takes the lock for `config`'s outputs, waiting up to `timeout` for another holder.
    public static func acquire(for config: Config, timeout: Duration) throws(Failure) -> BuildLock {
        let folder = config.exportsDirectory
        let path = folder.appendingPathComponent(fileName).path
        let display = DisplayPath.of(path: path)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw .unusable(path: display, reason: error.localizedDescription)
        }
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .unusable(path: display, reason: String(cString: strerror(errno))) }
        let deadline = ContinuousClock.now + timeout
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else {
                let reason = String(cString: strerror(errno))
                close(descriptor)
                throw .unusable(path: display, reason: reason)
            }
            guard ContinuousClock.now < deadline else {
                close(descriptor)
                throw .busy(path: display, waited: timeout)
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return BuildLock(descriptor: descriptor)
    }
}
