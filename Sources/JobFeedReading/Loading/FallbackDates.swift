import Foundation
import JobFeedCore
import JobFeedSystem
import Synchronization

/// Dates for postings that give none: when git first added the file, else its modification time.
///
/// The git history is read once, lazily, for the whole postings tree, the first time a posting
/// needs it; a build in which every posting has a `date:` never runs git.
package final class FallbackDates: Sendable {
    package let root: URL
    private let firstAdded: Mutex<[ExactPath: Int64]?>

    /// `consultGit: false` skips git entirely (the fuzzer must not spawn processes).
    package init(root: URL, consultGit: Bool = true) {
        self.root = root
        self.firstAdded = Mutex(consultGit ? nil : [:])
    }

    package func date(for file: PostingFile) -> (date: Timestamp, warning: Diagnostic?) {
        let added = firstAdded.withLock { cached in
            if cached == nil { cached = GitHistory.firstAdded(in: root) }
            return cached?[ExactPath(file.path.relativePath)]
        }
        if let added { return (Timestamp(seconds: added), nil) }
        let modified = Int64(FileStamp(path: file.absolutePath)?.modifiedSeconds ?? 0)
        let warning = Diagnostic.warning(
            "no 'date:' and the file is not committed to git; using its modification time, which changes when the file is copied; add 'date: YYYY-MM-DD'",
            at: SourceLocation(file: file.displayPath))
        return (Timestamp(seconds: modified), warning)
    }
}

/// One `git log` over the postings tree, mapping each path to when it was first added. By exact
/// path (see `ExactPath`): two files whose names read alike in other code points took one date.
package enum GitHistory {
    package static func firstAdded(in root: URL) -> [ExactPath: Int64] {
        let arguments = ["-C", root.path, "-c", "core.quotepath=off", "log", "--diff-filter=A", "--no-renames",
                         "--format=%x1e%at", "--name-only", "--relative", "-z", "--", "."]
        guard let output = run(arguments) else { return [:] }
        var dates: [ExactPath: Int64] = [:]
        // Newest commits come first, so the last date seen for a path is its first addition.
        for record in output.split(separator: 0x1E) {
            let fields = record.split(separator: 0, omittingEmptySubsequences: true)
            guard let stamp = fields.first.flatMap({ Int64(String(decoding: $0, as: UTF8.self)) }) else { continue }
            for field in fields.dropFirst() {
                let path = String(decoding: field, as: UTF8.self).trimmingCharacters(in: .newlines)
                if !path.isEmpty { dates[ExactPath(path)] = stamp }
            }
        }
        return dates
    }

    private static func run(_ arguments: [String]) -> Data? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return nil
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? data : nil
    }
}
