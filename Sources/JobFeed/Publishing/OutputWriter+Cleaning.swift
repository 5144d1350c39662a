import Foundation

extension OutputWriter {
    /// Removes the per-posting files of postings that are gone, folders left empty, and
    /// temporary files a killed build left behind.
    func removeStale(_ plan: OutputPlan) -> [String] {
        var removed: [String] = []
        for (folder, pathExtension) in plan.ownedFolders {
            let root = folder.standardizedFileURL.path
            var stale: [String] = []
            for relative in FolderWalk.files(below: root) {
                let path = root + "/" + relative
                let name = (relative as NSString).lastPathComponent
                let isLeftover = name.hasPrefix(Self.temporaryPrefix)
                if isLeftover || ((name as NSString).pathExtension == pathExtension && !plan.contains(path)) {
                    stale.append(path)
                }
            }
            for path in stale.sorted() where (try? FileManager.default.removeItem(atPath: path)) != nil {
                removed.append(DisplayPath.of(path: path))
            }
            removeEmptyFolders(below: folder)
        }
        removeLeftovers(besides: plan.staged.keys)
        return removed
    }

    /// Temporary files a killed build left beside the large outputs (under the lock, no
    /// other build can be writing them).
    private func removeLeftovers(besides outputs: some Sequence<String>) {
        for folder in Set(outputs.map { ($0 as NSString).deletingLastPathComponent }) {
            for entry in FolderWalk.entries(of: folder) where !entry.isFolder && entry.name.hasPrefix(Self.temporaryPrefix) {
                unlink(folder + "/" + entry.name)
            }
        }
    }

    private func removeEmptyFolders(below folder: URL) {
        for child in FolderWalk.entries(of: folder.path) where child.isFolder {
            let childURL = folder.appendingPathComponent(child.name)
            removeEmptyFolders(below: childURL)
            if FolderWalk.entries(of: childURL.path).isEmpty { rmdir(childURL.path) }
        }
    }
}
