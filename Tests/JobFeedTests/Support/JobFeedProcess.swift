import Foundation

/// The built `jobfeed` binary run as a child process, as a cron job would run it; when the
/// tests run as root, optionally as the unprivileged user `nobody`, for whom file permissions
/// hold (root reads a `chmod 000` folder regardless).
enum JobFeedProcess {
    static let binary = Repository.root.appendingPathComponent(".build/debug/jobfeed")
    static var available: Bool { FileManager.default.isExecutableFile(atPath: binary.path) }
    static var isRoot: Bool { getuid() == 0 }
    static let nobody: uid_t = 65534

    struct Result {
        var status: Int32
        var standardError: String
    }

    /// The binary where `nobody` can run it: the checkout may sit in a folder only root can
    /// enter (a CI clone under /root). Removed when the test process exits.
    static let reachableBinary: URL = {
        let folder = reachableFolder
        let copy = folder.appendingPathComponent("jobfeed")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: JobFeedProcess.reachableFolder) }
        try? FileManager.default.removeItem(at: copy)
        try? FileManager.default.copyItem(at: binary, to: copy)
        chmod(folder.path, 0o755)
        chmod(copy.path, 0o755)
        return copy
    }()

    private static var reachableFolder: URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("jobfeed-bin-\(getpid())")
    }

    static func run(_ arguments: [String], unprivileged: Bool = false) throws -> Result {
        let process = Process()
        if unprivileged && isRoot {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments = ["--reuid=\(nobody)", "--regid=\(nobody)", "--clear-groups", reachableBinary.path] + arguments
        } else {
            process.executableURL = binary
            process.arguments = arguments
        }
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        let text = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, standardError: String(decoding: text, as: UTF8.self))
    }

    /// Hands a folder tree to `nobody` when running as root, so that an unprivileged build
    /// can write its outputs.
    static func giveToUnprivilegedUser(_ root: URL) throws {
        guard isRoot else { return }
        chown(root.deletingLastPathComponent().path, 0, 0)
        for path in [root.path] + (FileManager.default.subpaths(atPath: root.path) ?? []).map({ root.path + "/" + $0 }) {
            chown(path, nobody, nobody)
        }
    }
}
