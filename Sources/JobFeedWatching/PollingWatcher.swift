import Foundation
import JobFeedCore
import JobFeedReading
import JobFeedSystem
import Synchronization

/// The fallback when inotify cannot be used: compares a snapshot of every file's stamp below
/// the roots at a fixed interval, and reports what differs.
package final class PollingWatcher: Sendable {
    private let roots: [String]
    private let interval: Duration
    private let report: @Sendable (ChangeEvent) -> Void
    private let task = Mutex<Task<Void, Never>?>(nil)

    package init(roots: [String], interval: Duration, report: @escaping @Sendable (ChangeEvent) -> Void) {
        self.roots = roots
        self.interval = interval
        self.report = report
        let roots = roots
        task.withLock {
            $0 = Task {
                var previous = Self.snapshot(roots)
                while !Task.isCancelled {
                    try? await Task.sleep(for: interval)
                    let current = Self.snapshot(roots)
                    for path in Set(previous.keys).union(current.keys) where previous[path] != current[path] {
                        report(.changed(path.text))
                    }
                    previous = current
                }
            }
        }
    }

    package func stop() {
        task.withLock { $0?.cancel() }
    }

    /// Each file's stamp, by its path byte for byte: two files named alike in different code
    /// points (see `ExactPath`) are two entries, so that a change to either is seen.
    package static func snapshot(_ roots: [String]) -> [ExactPath: FileStamp] {
        var stamps: [ExactPath: FileStamp] = [:]
        for root in roots {
            // A file root (the config) is stamped itself: Foundation's enumerator of a file
            // enumerates nothing, and a poller never saw the config change.
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root, isDirectory: &isFolder), isFolder.boolValue,
                  let walker = FileManager.default.enumerator(atPath: root) else {
                if let stamp = FileStamp(path: root) { stamps[ExactPath(root)] = stamp }
                continue
            }
            while let relative = walker.nextObject() as? String {
                let path = root + "/" + relative
                if let stamp = FileStamp(path: path) { stamps[ExactPath(path)] = stamp }
            }
        }
        return stamps
    }
}
