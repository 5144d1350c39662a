import Foundation
import JobFeedCore
import JobFeedSystem

extension OutputWriter {
    /// Adds the staged per-posting documents to the publication: those written in a new
    /// folder's staged copy (see `StagingFolders`) with their folder, in one rename, and the
    /// rest one by one. A new folder that some other writer created meanwhile gets its
    /// documents one by one too (a folder cannot be renamed over one that holds files).
    func publish(_ documents: [PreparedDocuments.Staged], into publication: inout Publication) {
        let newFolders = staging.stagedNewFolders
        var inNewFolders = [[PreparedDocuments.Staged]](repeating: [], count: newFolders.count)
        for file in documents {
            if let index = newFolders.firstIndex(where: { file.temporaryPath.isBelow($0.staged) }) {
                inNewFolders[index].append(file)
            } else {
                publication.replace(file.path, with: file.temporaryPath)
            }
        }
        for ((folder, staged), files) in zip(newFolders, inNewFolders) where !files.isEmpty {
            if SystemCall.isAbsent(folder) {
                publication.add(folder: folder, from: staged, holding: files.map(\.temporaryPath))
                continue
            }
            for file in files {
                try? FileManager.default.createDirectory(atPath: file.path.parentFolder, withIntermediateDirectories: true)
                publication.replace(file.path, with: file.temporaryPath)
            }
        }
    }
}
