import Foundation

/// A failed system call: what was tried, on which path, and the errno it gave.
struct SystemError: Error, Sendable, CustomStringConvertible {
    var operation: String
    var path: String
    var code: Int32

    var reason: String { String(cString: strerror(code)) }

    var description: String { "\(operation) \(DisplayPath.of(path: path)): \(reason)" }

    var diagnostic: Diagnostic {
        .error("cannot \(operation): \(reason)", at: SourceLocation(file: DisplayPath.of(path: path)))
    }
}

/// Runs system calls, retrying interruptions and building every error in one place.
enum SystemCall {
    /// Runs `call` until it is not interrupted; throws with errno when it returns -1.
    @discardableResult
    static func check<Result: BinaryInteger>(_ operation: String, _ path: String, _ call: () -> Result) throws(SystemError) -> Result {
        while true {
            let result = call()
            if result != -1 { return result }
            if errno != EINTR { throw SystemError(operation: operation, path: path, code: errno) }
        }
    }

    /// `mkdir -p` with `mode` for the folders it creates.
    static func makeFolders(_ path: String, mode: mode_t) throws(SystemError) {
        var info = stat()
        if stat(path, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFDIR else { throw SystemError(operation: "create the folder", path: path, code: ENOTDIR) }
            return
        }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty, parent != path { try makeFolders(parent, mode: 0o755) }
        if mkdir(path, mode) != 0 && errno != EEXIST { throw SystemError(operation: "create the folder", path: path, code: errno) }
    }
}
