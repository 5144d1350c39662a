import Foundation
import JobFeedCore
import JobFeedReading
import JobFeedSystem

/// Puts a build's outputs in place all together or not at all.
///
/// Before the first rename, every file about to be replaced or removed gets a hard link in the
/// state folder (`rollback/`), and a journal lists what will change. Then the staged files are
/// renamed over their targets and stale files unlinked. If any step fails (an immutable file,
/// a vanished folder), what was done is undone from the links, and every published file is as
/// it was. If the process dies part way, the next build finds the journal and undoes the same
/// way before it starts, so no published file ever belongs to a build that did not finish.
///
/// A file that cannot be linked (it is immutable, or the state folder is on another file
/// system and the target's folder refuses a link) stops the publication before anything moved.
package struct Publication {
    package struct Change: Codable, Hashable {
        package var target: String
        /// The staged file that replaces the target; nil to remove the target.
        package var replacement: String?
        /// A hard link to the target's old bytes; nil when the target did not exist.
        package var backup: String?
        /// The target is a folder the build created whole (see `StagingFolders`): undone, it
        /// goes back to the staging folder with what it holds. Nil, not false, for a file, so
        /// that a journal of files reads as earlier versions wrote it.
        package var isFolder: Bool?

        package init(target: String, replacement: String? = nil, backup: String? = nil, isFolder: Bool? = nil) {
            self.target = target
            self.replacement = replacement
            self.backup = backup
            self.isFolder = isFolder
        }
    }

    package let state: StateFolder
    package private(set) var changes: [Change] = []
    /// The files in the new folders, settled with the replacements.
    private var filesInNewFolders: [String] = []
    /// Whether every replacement, and the journal, is on the disk before the first rename (see
    /// `OpenFile.settle`): a power cut then leaves each target wholly old or wholly new, and a
    /// publication it stopped part way a journal for the next build to undo.
    package var settles = false

    package init(state: StateFolder) {
        self.state = state
    }

    package mutating func replace(_ target: String, with temporary: String) {
        changes.append(Change(target: target, replacement: temporary))
    }

    /// Puts a folder that does not exist in place with what it holds: `staged`, a copy of it
    /// made in the state folder, holding `files`.
    package mutating func add(folder target: String, from staged: String, holding files: [String]) {
        changes.append(Change(target: target, replacement: staged, isFolder: true))
        filesInNewFolders += files
    }

    package mutating func remove(_ target: String) {
        changes.append(Change(target: target, replacement: nil))
    }

    /// Backs up, journals and applies every change; on failure restores every target. The old
    /// versions kept meanwhile are removed before it returns, or handed to `chores`, but for
    /// those of the targets in `spares`, which are moved where it says (see `SpareFile`).
    package func commit(chores: BackgroundChores? = nil, spares: [String: String] = [:]) throws(SystemError) {
        guard !changes.isEmpty else { return }
        if settles { try Self.settle(changes.filter { $0.isFolder != true }.compactMap(\.replacement) + filesInNewFolders) }
        var journaled = changes
        do {
            try StateFolder.create(state.rollback)
            for index in journaled.indices { journaled[index].backup = try backUp(journaled[index].target, number: index) }
            try writeJournal(journaled)
        } catch {
            Self.discardBackups(journaled)
            throw error
        }
        for (done, change) in journaled.enumerated() {
            do {
                if let replacement = change.replacement {
                    try SystemCall.check("replace", change.target) { rename(replacement, change.target) }
                } else {
                    try SystemCall.check("remove", change.target) { unlink(change.target) }
                }
            } catch {
                Self.undo(journaled[..<done])
                Self.discardBackups(journaled)
                SystemCall.remove(state.journal.path)
                throw error
            }
        }
        SystemCall.remove(state.journal.path)
        if !spares.isEmpty { try? StateFolder.create(state.spares) }
        let discarded = journaled.compactMap { change -> String? in
            guard let backup = change.backup else { return nil }
            // A backup beside its target is on another file system than the spares.
            let kept = spares[change.target].map { backup.hasPrefix(state.rollback.path + "/") && rename(backup, $0) == 0 } ?? false
            return kept ? nil : backup
        }
        if let chores { chores.remove(discarded) } else { discarded.forEach(SystemCall.remove) }
    }

    /// Undoes a publication a killed build left half done; call under the lock, before a build.
    package static func recover(_ state: StateFolder) -> [Diagnostic] {
        defer { try? FileManager.default.removeItem(at: state.rollback) }
        guard let data = FileManager.default.contents(atPath: state.journal.path) else { return [] }
        defer { SystemCall.remove(state.journal.path) }
        guard let changes = try? JSONDecoder().decode([Change].self, from: data) else {
            return [.warning("the publication journal is unreadable; the next build rewrites every output that differs", at: SourceLocation(file: DisplayPath.of(state.journal)))]
        }
        undo(changes[...])
        discardBackups(changes)
        return [.warning("an earlier build stopped while publishing; its changes were undone before this build", at: SourceLocation(file: DisplayPath.of(state.journal)))]
    }

    /// Links the target's current bytes into the rollback folder, or beside the target when
    /// the state folder is on another file system.
    private func backUp(_ target: String, number: Int) throws(SystemError) -> String? {
        var info = stat()
        guard lstat(target, &info) == 0 else { return nil }
        // Named for this process: a link left by an earlier build that could not be removed
        // (it shares an immutable file's inode) must never block this one.
        let backup = state.rollback.path + "/\(getpid())-\(number)"
        if link(target, backup) == 0 { return backup }
        guard errno == EXDEV else { throw SystemError(operation: "keep the old version of", path: target, code: errno) }
        let beside = StagedFile.temporaryPath(in: target.parentFolder)
        try SystemCall.check("keep the old version of", target) { link(target, beside) }
        return beside
    }

    private func writeJournal(_ changes: [Change]) throws(SystemError) {
        let data = (try? JSONEncoder().encode(changes)) ?? Data()
        try OutputWriter.replace(state.journal.path, with: data, mode: StateFolder.fileMode, settling: settles)
    }

    /// Puts the files' bytes on the disk, on every core.
    private static func settle(_ paths: [String]) throws(SystemError) {
        let failures = Parallel.map(paths) { path -> SystemError? in
            do throws(SystemError) {
                try OpenFile(path, .readOnly, operation: "write").settle()
                return nil
            } catch {
                return error
            }
        }
        if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
    }

    /// Puts each target back as it was before `changes`, newest first.
    private static func undo(_ changes: ArraySlice<Change>) {
        for change in changes.reversed() {
            if let backup = change.backup {
                rename(backup, change.target)
            } else if change.isFolder == true, let staged = change.replacement {
                // Back where it was staged, to be cleared with the staging folder: a folder
                // renamed into place is moved, and one never renamed (its staged copy still
                // there) cannot be moved over it, so a folder someone else made stays.
                if rename(change.target, staged) != 0, errno == ENOENT { try? FileManager.default.removeItem(atPath: change.target) }
            } else if change.replacement != nil {
                SystemCall.remove(change.target)
            }
        }
    }

    private static func discardBackups(_ changes: [Change]) {
        for backup in changes.compactMap(\.backup) { SystemCall.remove(backup) }
    }
}
