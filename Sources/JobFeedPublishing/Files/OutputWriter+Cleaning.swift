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
        for (path, differs) in plan.compared.sorted(by: { $0.key < $1.key }) {
            result.paths.append(path)
            if differs { result.written.append(display.of(path: path)) } else { result.unchanged.append(display.of(path: path)) }
        }
        // Known unchanged without rendering (a feed none of whose postings changed).
        for path in plan.kept.sorted() {
            result.paths.append(path)
            result.unchanged.append(display.of(path: path))
        }
        result.removed = (staleFiles(plan) + plan.retired.filter { FileStamp(path: $0) != nil }).map(display.of(path:))
        return result
    }

    /// The per-posting files of postings that are gone: files with an owned folder's extension
    /// that the plan does not hold.
    package func staleFiles(_ plan: OutputPlan) -> [String] {
        var stale: [String] = []
        for (folder, pathExtension) in plan.ownedFolders {
            let root = folder.standardizedFileURL.path
            let suffix = "." + pathExtension
            for relative in FolderWalk.files(below: root) where relative.hasSuffix(suffix) && !Self.isTemporary(relative) {
                let path = root + "/" + relative
                if !plan.contains(path) { stale.append(path) }
            }
        }
        return stale.sorted()
    }

    /// After publishing: folders left empty, and temporary files a killed build left behind
    /// (under the lock, no other build can be writing them).
    package func removeLeftovers(_ plan: OutputPlan) {
        var folders = Set(plan.staged.keys.map { ($0 as NSString).deletingLastPathComponent })
        for (folder, _) in plan.ownedFolders {
            let root = folder.standardizedFileURL.path
            folders.insert(root)
            for relative in FolderWalk.files(below: root) where Self.isTemporary(relative) {
                SystemCall.remove(root + "/" + relative)
            }
            removeEmptyFolders(below: folder)
        }
        for folder in folders {
            for entry in FolderWalk.entries(of: folder) where !entry.isFolder && entry.name.hasPrefix(Self.temporaryPrefix) {
                SystemCall.remove(folder + "/" + entry.name)
            }
        }
    }

    /// Whether the file a relative path names is a temporary file of ours.
    private static func isTemporary(_ relative: String) -> Bool {
        relative.split(separator: "/").last?.hasPrefix(temporaryPrefix) == true
    }

    private func removeEmptyFolders(below folder: URL) {
        for child in FolderWalk.entries(of: folder.path) where child.isFolder {
            let childURL = folder.appendingPathComponent(child.name)
            removeEmptyFolders(below: childURL)
            if FolderWalk.entries(of: childURL.path).isEmpty { rmdir(childURL.path) }
        }
    }
}
