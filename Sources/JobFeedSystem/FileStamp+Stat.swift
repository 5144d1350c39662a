import Foundation
import JobFeedCore
import SystemPackage

extension FileStamp {
    /// The stamp of the file at `path` now; nil when it cannot be stat'ed (gone, or not ours).
    package init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        self.init(info)
    }

    /// The stamp of a listed file, as `init(path:)` gives it, and whether the file is a plain
    /// one: a regular file with one name, not a symbolic link. A plain file's content changes
    /// only when it is written by that name (the watcher is told of it); a linked one's changes
    /// when another name is written. One `lstat` for a plain file, as `init(path:)` costs.
    package static func ofListed(path: String) -> (stamp: FileStamp?, plain: Bool) {
        ofListed(name: path, in: AT_FDCWD)
    }

    /// Files stat'ed by name from their folders' descriptors, each folder opened once, rather
    /// than by walking every path from the root, in any order: 7,420 per-posting outputs of
    /// 10,000 postings took 14 ms of `stat` by path here, 9 ms by name (10,000 posting files,
    /// 16 ms of `lstat` by path, 10 ms by name). The outputs come in a dictionary's order,
    /// alternating between folders, so folders are kept open, up to
    /// `openLimit` at once (then closed together, and opened again as asked): a site of a
    /// thousand sections must not take a thousand descriptors from the build's other threads.
    package struct ByFolder {
        package static let openLimit = 32
        /// The open folders, searched from the last one opened (listed paths come in runs) by
        /// their paths' bytes: two folders whose names read alike in other code points are two
        /// folders (see `ExactPath`), and a table keyed by `String` gave the second the first's
        /// files. At most `openLimit`, so a search is short.
        private var folders: [(path: Substring, file: OpenFile?)] = []

        package init() {}

        /// As `FileStamp(path:)` gives it.
        package mutating func stamp(of path: String) -> FileStamp? {
            byName(path, else: FileStamp(path: path)) { folder, name in
                var info = stat()
                return fstatat(folder, name, &info, 0) == 0 ? FileStamp(info) : nil
            }
        }

        /// As `ofListed(path:)` gives it.
        package mutating func listed(_ path: String) -> (stamp: FileStamp?, plain: Bool) {
            byName(path, else: ofListed(path: path)) { ofListed(name: $1, in: $0) }
        }

        /// `body` of the path's folder's descriptor and the file's name; `byPath` for a path
        /// with no folder, or one whose folder cannot be opened.
        private mutating func byName<Result>(_ path: String, else byPath: @autoclosure () -> Result,
                                             _ body: (Int32, UnsafePointer<CChar>) -> Result) -> Result {
            guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")), slash != path.startIndex,
                  let folder = descriptor(of: path[..<slash]) else { return byPath() }
            let nameOffset = path.utf8.distance(from: path.utf8.startIndex, to: slash) + 1
            return path.withCString { body(folder, $0 + nameOffset) }
        }

        private mutating func descriptor(of folderPath: Substring) -> Int32? {
            if let found = folders.lastIndex(where: { $0.path.hasSameBytes(as: folderPath) }) { return folders[found].file?.rawValue }
            if folders.count == Self.openLimit { folders.removeAll() }
            let file = try? OpenFile(String(folderPath), .readOnly, options: .directory, operation: "stat the folder")
            folders.append((folderPath, file))
            return file?.rawValue
        }
    }

    /// `ofListed(path:)` for the file `name` in the open folder `folder` (a path, from
    /// `AT_FDCWD`).
    private static func ofListed(name: UnsafePointer<CChar>, in folder: Int32) -> (stamp: FileStamp?, plain: Bool) {
        var info = stat()
        guard fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return (nil, false) }
        guard info.st_mode & S_IFMT == S_IFREG else {
            return (fstatat(folder, name, &info, 0) == 0 ? FileStamp(info) : nil, false)
        }
        return (FileStamp(info), info.st_nlink == 1)
    }

    private init(_ info: stat) {
        self.init(size: Int64(info.st_size), modifiedSeconds: info.st_mtim.tv_sec,
                  modifiedNanoseconds: info.st_mtim.tv_nsec, inode: UInt64(info.st_ino))
    }
}
