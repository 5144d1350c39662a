import Foundation
import JobFeedCore

extension FileStamp {
    /// The stamp of the file at `path` now; nil when it cannot be stat'ed (gone, or not ours).
    package init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        self.init(size: Int64(info.st_size), modifiedSeconds: info.st_mtim.tv_sec,
                  modifiedNanoseconds: info.st_mtim.tv_nsec, inode: UInt64(info.st_ino))
    }
}
