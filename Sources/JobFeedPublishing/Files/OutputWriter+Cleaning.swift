import Foundation
import JobFeedCore
import JobFeedReading
import JobFeedRendering
import JobFeedSystem

extension OutputWriter {
    /// What writing a plan that `check` compared with the disk would do: the files that differ
    /// would be written, the rest left, and stale and retired files removed.
    package func wouldWrite(_ plan: OutputPlan) -> WriteResult {
        var result = WriteResult()
        let display = DisplayPath.Relative()
        for (path, differs) in plan.compared.sorted(by: { $0.key < $1.key }).map({ ($0.key.text, $0.value) }) {
            result.paths.append(path)
            if differs { result.written.append(display.of(path: path)) } else { result.unchanged.append(display.of(path: path)) }
        }
        // Known unchanged without rendering (a feed none of whose postings changed).
        for path in plan.kept.sorted() {
            result.paths.append(path)
            result.unchanged.append(display.of(path: path))
        }
        result.removed = (OwnedFolderSurvey(plan).stale + plan.retired.filter { FileStamp(path: $0) != nil }).map(display.of(path:))
        return result
    }

    /// After publishing: temporary files a killed build left behind (under the lock, no other
    /// build can be writing them), beside the staged files and in the owned folders, and
    /// the owned folders left empty.
    package func removeLeftovers(_ plan: OutputPlan, _ survey: OwnedFolderSurvey) {
        for path in survey.temporaries { SystemCall.remove(path) }
        for folder in survey.emptied { rmdir(folder) }
        for folder in Set(plan.staged.keys.map(\.parentFolder)) {
            for entry in FolderWalk.entries(of: folder) where !entry.isFolder && entry.name.hasPrefix(Self.temporaryPrefix) {
                SystemCall.remove(folder + "/" + entry.name)
            }
        }
    }
}
