import Foundation

/// What identifies a file's version without reading it: size, modification time and inode.
/// An editor's save-by-rename gives a new inode, so even a same-second, same-size edit shows.
public struct FileStamp: Sendable, Hashable {
    package var size: Int64
    package var modifiedSeconds: Int
    package var modifiedNanoseconds: Int
    package var inode: UInt64

    package init(size: Int64, modifiedSeconds: Int, modifiedNanoseconds: Int, inode: UInt64) {
        self.size = size
        self.modifiedSeconds = modifiedSeconds
        self.modifiedNanoseconds = modifiedNanoseconds
        self.inode = inode
    }
}
