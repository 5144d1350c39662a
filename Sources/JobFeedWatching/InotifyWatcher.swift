import Foundation
import JobFeedReading
import JobFeedSystem
import Synchronization

/// Owns one inotify instance watching folder trees recursively, and reports changes from a
/// background thread. New subfolders are watched as they appear (and scanned, since files may
/// land in them before the watch does). A lost queue is reported as `.rescan`.
///
/// Each tree's parent is watched too: a tree root that is deleted and created again
/// (`rm -rf postings && cp -r backup postings`) or renamed back is watched again, instead of
/// leaving the watcher deaf. When a folder cannot be watched again, `.inotifyLost` says so.
package final class InotifyWatcher: Sendable {
    /// The inotify instance; closed when the watcher goes.
    private let events: OpenFile
    private let folders = Mutex<[Int32: String]>([:])
    /// Folders watched alone, for one file in them (the config): their subfolders do not count.
    private let singles = Mutex<Set<Int32>>([])
    private let stopped = Mutex(false)
    /// The trees' roots, whose reappearance their parents' watches report.
    private let roots: Set<String>
    private let report: @Sendable (ChangeEvent) -> Void

    package static let mask = UInt32(IN_CREATE | IN_CLOSE_WRITE | IN_MODIFY | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO
        | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR)

    package enum Failure: Error, CustomStringConvertible {
        case unavailable(SystemError)
        case watchLimit(String)

        package var description: String {
            switch self {
            case let .unavailable(error): return "inotify is unavailable (\(error.reason))"
            case let .watchLimit(path): return "the inotify watch limit is reached at \(path) (raise fs.inotify.max_user_watches)"
            }
        }
    }

    /// Watches every folder below each tree, and each of `folders` alone (not below it);
    /// throws when inotify cannot be used.
    package init(trees: [String], folders single: [String], report: @escaping @Sendable (ChangeEvent) -> Void) throws(Failure) {
        do {
            events = OpenFile(adopting: try SystemCall.check("watch", "inotify") { inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK)) }, path: "inotify")
        } catch {
            throw .unavailable(error)
        }
        self.report = report
        roots = Set(trees)
        for tree in trees { try watchTree(tree) }
        for folder in single + trees.map(\.parentFolder) {
            if let watch = try watch(folder) { singles.withLock { _ = $0.insert(watch) } }
        }
        let thread = Thread { [self] in self.readLoop() }
        thread.name = "jobfeed-inotify"
        thread.start()
    }

    package func stop() {
        stopped.withLock { $0 = true }
    }

    @discardableResult
    private func watch(_ folder: String) throws(Failure) -> Int32? {
        let watch = inotify_add_watch(events.rawValue, folder, Self.mask)
        if watch < 0 {
            if errno == ENOSPC { throw .watchLimit(folder) }
            return nil
        }
        folders.withLock { $0[watch] = folder }
        return watch
    }

    private func watchTree(_ folder: String) throws(Failure) {
        try watch(folder)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where !name.startsWithByte(".") {
            let path = folder + "/" + name
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
                try watchTree(path)
            }
        }
    }

    private func readLoop() {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var poller = pollfd(fd: events.rawValue, events: Int16(POLLIN), revents: 0)
        while !stopped.withLock({ $0 }) {
            guard poll(&poller, 1, 100) > 0 else { continue }
            // Non-blocking: nothing to read yet (EAGAIN) is an error to the wrapper, and nothing to do.
            guard let count = buffer.withUnsafeMutableBytes({ try? events.read(into: $0) }), count > 0 else { continue }
            handle(buffer[0..<count])
        }
    }

    /// Walks the `inotify_event` records: wd, mask, cookie, len (4 bytes each), then the name.
    private func handle(_ bytes: ArraySlice<UInt8>) {
        var offset = bytes.startIndex
        while offset + 16 <= bytes.endIndex {
            func field(_ at: Int) -> UInt32 {
                bytes[(offset + at)..<(offset + at + 4)].reversed().reduce(0) { $0 << 8 | UInt32($1) }
            }
            let watch = Int32(bitPattern: field(0))
            let mask = field(4)
            let length = Int(field(12))
            let nameBytes = bytes[(offset + 16)..<min(offset + 16 + length, bytes.endIndex)].prefix { $0 != 0 }
            offset += 16 + length
            if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                report(.rescan)
                continue
            }
            if mask & UInt32(IN_IGNORED) != 0 {
                _ = folders.withLock { $0.removeValue(forKey: watch) }
                continue
            }
            guard let folder = folders.withLock({ $0[watch] }) else { continue }
            let path = nameBytes.isEmpty ? folder : folder + "/" + String(decoding: nameBytes, as: UTF8.self)
            let isFolderEvent = mask & UInt32(IN_ISDIR) != 0 || mask & UInt32(IN_DELETE_SELF | IN_MOVE_SELF) != 0
            if isFolderEvent && singles.withLock({ $0.contains(watch) }) {
                guard roots.contains(path) else { continue }
                // A tree's root came back (or left): watch it anew and look at everything.
                if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { rootAppeared(path) }
                report(.rescan)
            } else if isFolderEvent {
                // A folder appeared, left or moved: watch what is new and look at everything.
                if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { folderAppeared(path) }
                report(.rescan)
            } else {
                report(.changed(path))
            }
        }
    }

    private func rootAppeared(_ path: String) {
        do {
            try watchTree(path)
            if !folders.withLock({ $0.values.contains(path) }) { report(.inotifyLost("\(path) came back but cannot be watched")) }
        } catch {
            report(.inotifyLost("\(error)"))
        }
    }

    private func folderAppeared(_ path: String) {
        do {
            try watchTree(path)
        } catch {
            report(.notice("\(error); changes below \(path) are only found by --interval rebuilds"))
        }
    }
}
