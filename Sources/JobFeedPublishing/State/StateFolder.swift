import Foundation
import JobFeedCore
import JobFeedSystem

extension StateFolder {
    /// Owner-only: the copies hold unpublished postings' sources.
    package static let fileMode: mode_t = 0o600

    /// The folder to write the next version of a file in `folder` in: the staging folder when
    /// it is on that folder's file system (a rename from it is atomic), else `folder` itself.
    /// A build asks `StagingFolders`, which remembers the answer per folder.
    package func stagingFolder(beside folder: String) -> String {
        var staged = stat()
        var published = stat()
        if stat(staging.path, &staged) != 0 { try? Self.create(staging) }
        guard stat(staging.path, &staged) == 0 else { return folder }
        if stat(folder, &published) != 0 {
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            guard stat(folder, &published) == 0 else { return folder }
        }
        return staged.st_dev == published.st_dev ? staging.path : folder
    }

    /// A folder to write `folder` in whole, to be renamed into place (see `StagingFolders`):
    /// nil when `folder` exists, or when its parent would stage its files beside them (the
    /// staging folder is on another file system, and the rename would not be atomic). The
    /// parent is created, as for a file in it; the copy gets an output folder's mode.
    package func stageNewFolder(_ folder: String, number: Int) -> String? {
        guard SystemCall.isAbsent(folder), stagingFolder(beside: folder.parentFolder) == staging.path else { return nil }
        let copy = staging.path + "/folder-\(getpid())-\(number)"
        return mkdir(copy, 0o777) == 0 ? copy : nil
    }

    /// Removes what a killed build left in the staging folder (under the lock): staged files,
    /// and the copies of new folders (`stageNewFolder`) with what they hold.
    package func clearStaging() {
        for entry in FolderWalk.entries(of: staging.path) {
            let path = staging.path + "/" + entry.name
            if entry.isFolder { try? FileManager.default.removeItem(atPath: path) } else { SystemCall.remove(path) }
        }
    }

    /// Removes the temporary files killed builds left beside the state folder's own files (the
    /// build record, the history, the indexes, the layouts: each is written to a temporary file
    /// renamed over it). Only those whose process has ended: `report`, which takes no lock, may
    /// be writing its page here meanwhile.
    package func removeEndedProcessesTemporaries() {
        for file in FolderWalk.files(below: path) where StagedFile.isLeftByEndedProcess(file.lastName) {
            SystemCall.remove(path + "/" + file)
        }
    }

    /// Creates the folder (and any below it) owner-only, tightening one that exists.
    package static func create(_ folder: URL) throws(SystemError) {
        try SystemCall.makeFolders(folder.path, mode: 0o700)
        try SystemCall.check("chmod", folder.path) { chmod(folder.path, 0o700) }
    }

    /// Creates the folder, and moves what an earlier version kept in `exports/` (where it was
    /// published with the outputs) into it; says so once, when something moved. The staging
    /// folder is cleared apart (`clearStaging`), once a killed build's publication is undone.
    package func prepare(exports: URL) throws(SystemError) -> [Diagnostic] {
        try Self.create(url)
        removeEndedProcessesTemporaries()
        var moved: [String] = []
        let legacyCopies = exports.appendingPathComponent(".jobfeed-last-good").path
        if FileManager.default.fileExists(atPath: legacyCopies) {
            if FileManager.default.fileExists(atPath: lastGood.path) || rename(legacyCopies, lastGood.path) != 0 {
                try? FileManager.default.removeItem(atPath: legacyCopies)
            } else {
                for file in FolderWalk.files(below: lastGood.path) { chmod(lastGood.path + "/" + file, Self.fileMode) }
                try? Self.create(lastGood)
            }
            moved.append(".jobfeed-last-good/")
        }
        // The build record's JSON form, before it became bytes (`build-record`).
        unlink(url.appendingPathComponent("build.json").path)
        for name in [".jobfeed-build.json", ".jobfeed.lock"] {
            let legacy = exports.appendingPathComponent(name).path
            if unlink(legacy) == 0 { moved.append(name) }
        }
        guard !moved.isEmpty else { return [] }
        return [.warning("moved jobfeed's own files (\(moved.joined(separator: ", "))) out of the published exports folder into the state folder \(DisplayPath.of(url)); they no longer reach anything served from exports/",
                         at: SourceLocation(file: DisplayPath.of(exports)))]
    }

    /// Bytes used by everything in the folder, for `check`'s report.
    package func size() -> Int64 {
        FolderWalk.files(below: path).reduce(0) { total, file in
            total + (FileStamp(path: path + "/" + file)?.size ?? 0)
        }
    }
}
