import Foundation
import JobFeedCore
import JobFeedSystem

extension OutputWriter {
    /// Where to keep the old versions of the staged outputs this build replaces, as the next
    /// build's spares (see `SpareFile`): none while the state folder's disk would keep less
    /// free than twice what they hold, with 256 MiB to spare (a spare takes no more room than
    /// its new version while it is written over, but holds its blocks between builds).
    func spares(replacing targets: [String]) -> [String: String] {
        let kept = targets.compactMap { target in staging.spare(for: target).map { (target, $0) } }
        let held = kept.reduce(UInt64(0)) { total, spare in total + UInt64(max(0, FileStamp(path: spare.0)?.size ?? 0)) }
        guard !kept.isEmpty, SystemCall.freeSpace(state.path) >= 256 << 20 + 2 * held else { return [:] }
        return Dictionary(kept) { first, _ in first }
    }

    /// Removes the spares of files that are no longer outputs (a format turned off, a language
    /// dropped), and every spare when none are kept (`spares: false`).
    func pruneSpares(keeping outputs: some Sequence<String>) {
        let names = staging.keepsSpares ? Set(outputs.map(StateFolder.fileName)) : []
        for entry in FolderWalk.entries(of: state.spares.path) where !names.contains(entry.name) {
            SystemCall.remove(state.spares.path + "/" + entry.name)
        }
    }
}
