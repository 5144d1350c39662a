import Foundation
import JobFeedCore
import SystemPackage

/// A failed system call: what was tried, on which path, and the errno it gave. Every error
/// from the operating system becomes one of these here, and only here.
package struct SystemError: Error, Sendable, CustomStringConvertible {
    package var operation: String
    package var path: String
    package var code: Int32

    package init(operation: String, path: String, code: Int32) {
        self.operation = operation
        self.path = path
        self.code = code
    }

    package init(operation: String, path: String, _ errno: Errno) {
        self.init(operation: operation, path: path, code: errno.rawValue)
    }

    package var reason: String { Errno(rawValue: code).description }

    package var description: String { "\(operation) \(DisplayPath.of(path: path)): \(reason)" }

    package var diagnostic: Diagnostic {
        .error("cannot \(operation): \(reason)", at: SourceLocation(file: DisplayPath.of(path: path)))
    }
}

/// Runs the system calls swift-system does not wrap (rename, link, unlink, flock, mkdir),
/// retrying interruptions and building every error in one place.
package enum SystemCall {
    /// Runs `call` until it is not interrupted; throws with errno when it returns -1.
    @discardableResult
    package static func check<Result: BinaryInteger>(_ operation: String, _ path: String, _ call: () -> Result) throws(SystemError) -> Result {
        while true {
            let result = call()
            if result != -1 { return result }
            if errno != EINTR { throw SystemError(operation: operation, path: path, code: errno) }
        }
    }

    /// Runs a swift-system call, whose interruptions it retries itself, and names its error.
    package static func run<Result>(_ operation: String, _ path: String, _ call: () throws -> Result) throws(SystemError) -> Result {
        do {
            return try call()
        } catch let failure as Errno {
            throw SystemError(operation: operation, path: path, failure)
        } catch {
            throw SystemError(operation: operation, path: path, code: EIO)
        }
    }

    /// `mkdir -p` with `mode` for the folders it creates.
    package static func makeFolders(_ path: String, mode: mode_t) throws(SystemError) {
        var info = stat()
        if stat(path, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFDIR else { throw SystemError(operation: "create the folder", path: path, code: ENOTDIR) }
            return
        }
        let parent = path.parentFolder
        if !parent.isEmpty, parent != path { try makeFolders(parent, mode: 0o755) }
        if mkdir(path, mode) != 0 && errno != EEXIST { throw SystemError(operation: "create the folder", path: path, code: errno) }
    }

    /// The bytes an unprivileged user may still write on the file system that holds `path`.
    package static func freeSpace(_ path: String) -> UInt64 {
        var info = statvfs()
        guard statvfs(path, &info) == 0 else { return 0 }
        return UInt64(info.f_bavail) * UInt64(info.f_frsize)
    }

    /// Removes a file; a file already gone is not an error.
    package static func remove(_ path: String) {
        _ = unlink(path)
    }

    /// Whether nothing at all is at `path`, not even a symbolic link (one to nowhere included).
    package static func isAbsent(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) != 0 && errno == ENOENT
    }
}
