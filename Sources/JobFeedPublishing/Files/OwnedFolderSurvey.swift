import Foundation
import JobFeedCore
import JobFeedRendering
import JobFeedSystem

/// What the folders a format owns (one file per posting) hold besides the plan's files, from
/// one walk: per-posting files of postings that are gone, temporary files a killed build left,
/// and the folders that hold nothing else. The walk used to be done three times, once for each,
/// 7,420 files each time at 10,000 postings.
package struct OwnedFolderSurvey {
    /// Files with an owned folder's extension that the plan does not hold, sorted.
    package private(set) var stale: [String] = []
    package private(set) var temporaries: [String] = []
    /// Folders below the owned ones whose every file is stale or temporary, deepest first:
    /// empty once those are removed (`rmdir` leaves any that gained a file meanwhile).
    package private(set) var emptied: [String] = []

    package init(_ plan: OutputPlan) {
        for (folder, pathExtension) in plan.ownedFolders {
            let root = folder.standardizedFileURL.path
            _ = survey(root, isRoot: true, suffix: "." + pathExtension, plan)
        }
        stale.sort()
    }

    /// Whether the folder holds nothing that stays.
    private mutating func survey(_ folder: String, isRoot: Bool, suffix: String, _ plan: OutputPlan) -> Bool {
        var keepsSomething = false
        for entry in FolderWalk.entries(of: folder) {
            let path = folder + "/" + entry.name
            if entry.isFolder {
                keepsSomething = !survey(path, isRoot: false, suffix: suffix, plan) || keepsSomething
            } else if entry.name.hasPrefix(OutputWriter.temporaryPrefix) {
                temporaries.append(path)
            } else if entry.name.endsWithBytes(suffix) && !plan.contains(path) {
                stale.append(path)
            } else {
                keepsSomething = true
            }
        }
        if !keepsSomething && !isRoot { emptied.append(folder) }
        return !keepsSomething
    }
}
