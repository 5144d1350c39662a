import JobFeedCore
import JobFeedReading

/// What happened since the last rebuild, gathered from the watchers and timers.
package struct PendingChanges: Sendable {
    package var files: Set<String> = []
    package var configChanged = false
    package var rescan = false
    package var interval = false
    package var time: NextChange?
    /// The last rebuild failed, and its backoff has passed.
    package var retry = false
    /// inotify lost part of the tree: switch to polling before rebuilding.
    package var pollingNeeded: String?

    package init() {}

    package var isEmpty: Bool {
        files.isEmpty && !configChanged && !rescan && !interval && time == nil && !retry && pollingNeeded == nil
    }

    /// Takes on what a rebuild that gave way to a later change was started for (see
    /// `BuildReport.Withheld.superseded`), for the rebuild after it; less a config change and
    /// the switch to polling, which were acted on before it began.
    package mutating func takeBack(_ given: PendingChanges) {
        files.formUnion(given.files)
        rescan = rescan || given.rescan
        interval = interval || given.interval
        retry = retry || given.retry
        time = time ?? given.time
    }

    /// Changes no byte check can clear (a config change, a rescan, the switch to polling): a
    /// rebuild for them waits for the files to settle before it begins, rather than only
    /// before it publishes, and one held before publishing gives way to them.
    package var waitsForQuiet: Bool {
        configChanged || rescan || pollingNeeded != nil
    }

    /// The posting files written since the last rebuild, when nothing else changed that a
    /// listing of the folder could see: nil when a rescan, a config change, a retry or the
    /// interval's safety net wants the folder listed again.
    package var knownChanges: Set<String>? {
        configChanged || rescan || interval || retry || pollingNeeded != nil ? nil : files
    }

    /// One phrase for the log: which files, or which posting expired or appeared.
    package func trigger(relativeTo display: (String) -> String) -> String {
        var parts: [String] = []
        if configChanged { parts.append("config changed") }
        if !files.isEmpty {
            let names = files.sorted().prefix(3).map(display).joined(separator: ", ")
            parts.append(files.count > 3 ? "\(files.count) files changed (\(names), …)" : "changed: \(names)")
        }
        if rescan { parts.append("rescan") }
        if let time { parts.append("time: \(time.postings.map(display).joined(separator: ", ")) change status") }
        if interval { parts.append("interval") }
        if retry { parts.append("retry after a failed rebuild") }
        return parts.isEmpty ? "start" : parts.joined(separator: "; ")
    }
}
