import Foundation
import JobFeedCore
import JobFeedSystem
import Synchronization

/// Where each output's next version is written during one build, decided once per folder:
/// the answer depends only on the folder's file system, and a build asks for every one of
/// thousands of per-posting files.
///
/// A folder of per-posting documents that does not exist yet (a site's first build) is written
/// whole in the staging folder, its documents under their own names, and published with one
/// rename: renamed one by one, a cold build's 37,000 documents at 50,000 postings took some
/// 0.6 s of its serial end onto ext4, which lets one rename between two folders through at a
/// time (see `Publication`).
package final class StagingFolders: Sendable {
    private let state: StateFolder
    /// By exact folder path: keyed by text, the second of two folders named alike in other code
    /// points was taken for the first, and never created.
    private let decided = Mutex<[ExactPath: String]>([:])
    /// The folders the enabled formats own (one document per posting), as absolute paths.
    private let ownedFolders: [String]
    /// By owned folder, where it is written whole (nil: it existed, or cannot be).
    private let newFolders = Mutex<[ExactPath: String?]>([:])
    /// Whether outputs are written over spares (`spares:`); when not, none is kept.
    package let keepsSpares: Bool

    package init(_ state: StateFolder, keepsSpares: Bool = true, ownedFolders: [String] = []) {
        self.state = state
        self.keepsSpares = keepsSpares
        self.ownedFolders = ownedFolders
    }

    package func folder(for target: String) -> String {
        let parent = target.parentFolder
        if let known = decided.withLock({ $0[ExactPath(parent)] }) { return known }
        let folder = state.stagingFolder(beside: parent)
        decided.withLock { $0[ExactPath(parent)] = folder }
        return folder
    }

    /// Where a per-posting document is written under its own name, in its owned folder's
    /// staged copy, when that folder did not exist as the build wrote its first document there;
    /// nil when it did, and the document is staged under a temporary name to be renamed alone.
    package func pathInNewFolder(for document: String) -> String? {
        guard let owned = ownedFolders.first(where: { document.isBelow($0) }) else { return nil }
        let staged = newFolders.withLock { known in
            if let decided = known[ExactPath(owned)] { return decided }
            let decided = state.stageNewFolder(owned, number: known.count)
            known[ExactPath(owned)] = decided
            return decided
        }
        return staged.map { $0 + document.dropFirst(owned.count) }
    }

    /// The owned folders written whole: each one's path and its staged copy's.
    package var stagedNewFolders: [(folder: String, staged: String)] {
        newFolders.withLock { known in known.compactMap { folder, staged in staged.map { (folder.text, $0) } }.sorted { $0.folder < $1.folder } }
    }

    /// Where the target's spare is kept (see `SpareFile`), when its next version is staged in
    /// the state folder: the spare is renamed there, on the same file system.
    package func spare(for target: String) -> String? {
        guard keepsSpares, folder(for: target) == state.staging.path else { return nil }
        return Self.spare(for: target, in: state)
    }

    package static func spare(for target: String, in state: StateFolder) -> String {
        state.spares.path + "/" + StateFolder.fileName(for: target)
    }
}
