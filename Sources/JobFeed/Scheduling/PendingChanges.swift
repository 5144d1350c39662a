/// What happened since the last rebuild, gathered from the watchers and timers.
struct PendingChanges: Sendable {
    var files: Set<String> = []
    var configChanged = false
    var rescan = false
    var interval = false
    var time: NextChange?
    /// The last rebuild failed, and its backoff has passed.
    var retry = false
    /// inotify lost part of the tree: switch to polling before rebuilding.
    var pollingNeeded: String?

    var isEmpty: Bool {
        files.isEmpty && !configChanged && !rescan && !interval && time == nil && !retry && pollingNeeded == nil
    }

    /// One phrase for the log: which files, or which posting expired or appeared.
    func trigger(relativeTo display: (String) -> String) -> String {
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
