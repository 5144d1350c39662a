import Foundation
import JobFeedCore

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
        var info = stat()
        guard lstat(path, &info) == 0 else { return (nil, false) }
        guard info.st_mode & S_IFMT == S_IFREG else { return (FileStamp(path: path), false) }
        return (FileStamp(info), info.st_nlink == 1)
    }

    private init(_ info: stat) {
        self.init(size: Int64(info.st_size), modifiedSeconds: info.st_mtim.tv_sec,
                  modifiedNanoseconds: info.st_mtim.tv_nsec, inode: UInt64(info.st_ino))
    }
}
