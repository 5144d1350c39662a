import Foundation
import JobFeedCore
import Synchronization

/// Where each output's next version is written during one build, decided once per folder:
/// the answer depends only on the folder's file system, and a build asks for every one of
/// thousands of per-posting files.
package final class StagingFolders: Sendable {
    private let state: StateFolder
    /// By exact folder path: keyed by text, the second of two folders named alike in other code
    /// points was taken for the first, and never created.
    private let decided = Mutex<[ExactPath: String]>([:])
    /// Whether outputs are written over spares (`spares:`); when not, none is kept.
    package let keepsSpares: Bool

    package init(_ state: StateFolder, keepsSpares: Bool = true) {
        self.state = state
        self.keepsSpares = keepsSpares
    }

    package func folder(for target: String) -> String {
        let parent = target.parentFolder
        if let known = decided.withLock({ $0[ExactPath(parent)] }) { return known }
        let folder = state.stagingFolder(beside: parent)
        decided.withLock { $0[ExactPath(parent)] = folder }
        return folder
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
