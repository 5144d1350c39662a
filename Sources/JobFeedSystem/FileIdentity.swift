import Foundation
import JobFeedCore

/// What stat says about a file that any change to it moves: its inode, size, and modification
/// and status-change times. The status-change time cannot be set back by anyone, so a file
/// whose identity is what it was right after a build published it still holds those bytes.
package struct FileIdentity: Sendable, Hashable {
    package var device: UInt64
    package var inode: UInt64
    package var size: Int64
    package var modified: timespec
    package var changed: timespec

    package init(device: UInt64, inode: UInt64, size: Int64, modified: timespec, changed: timespec) {
        self.device = device
        self.inode = inode
        self.size = size
        self.modified = modified
        self.changed = changed
    }

    /// The identity of the file at `path` now; nil when it cannot be stat'ed.
    package init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        self.init(info)
    }

    /// The identity of the file open as `file` (not whatever its path names now).
    package init?(of file: OpenFile) {
        var info = stat()
        guard fstat(file.rawValue, &info) == 0 else { return nil }
        self.init(info)
    }

    private init(_ info: stat) {
        self.init(device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size),
                  modified: info.st_mtim, changed: info.st_ctim)
    }

    package func write(to writer: inout ByteWriter) {
        writer.append(device)
        writer.append(inode)
        writer.append(size)
        for time in [modified, changed] {
            writer.append(time.tv_sec)
            writer.append(time.tv_nsec)
        }
    }

    package static func read(from reader: inout ByteReader) throws(ByteReader.Malformed) -> FileIdentity {
        FileIdentity(device: try reader.uint64(), inode: try reader.uint64(), size: try reader.int64(),
                     modified: timespec(tv_sec: try reader.int(), tv_nsec: try reader.int()),
                     changed: timespec(tv_sec: try reader.int(), tv_nsec: try reader.int()))
    }

    package static func == (lhs: FileIdentity, rhs: FileIdentity) -> Bool {
        lhs.device == rhs.device && lhs.inode == rhs.inode && lhs.size == rhs.size
            && lhs.modified.tv_sec == rhs.modified.tv_sec && lhs.modified.tv_nsec == rhs.modified.tv_nsec
            && lhs.changed.tv_sec == rhs.changed.tv_sec && lhs.changed.tv_nsec == rhs.changed.tv_nsec
    }

    /// The same file with the same bytes, whatever renamed or linked it meanwhile (which moves
    /// its status-change time): what a build's own moves of a replaced output into the spares
    /// leave of its identity (see `OutputWriter.saveLayouts`).
    package func isSameVersion(as other: FileIdentity) -> Bool {
        device == other.device && inode == other.inode && size == other.size
            && modified.tv_sec == other.modified.tv_sec && modified.tv_nsec == other.modified.tv_nsec
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(device)
        hasher.combine(inode)
        hasher.combine(size)
        hasher.combine(changed.tv_nsec)
    }
}

/// Where a posting's part lies in an output file: which part (`source`, a hash of its posting
/// file's path and its kind) and which bytes (their digest). The next build copies a part
/// from the published file when both are the same, instead of reading it back from the
/// build cache: a part is never taken for another posting's, whatever its bytes.
package struct PartSpan: Sendable, Hashable {
    package var source: UInt64
    package var digest: UInt64
    package var offset: Int64
    package var length: Int
    /// The bytes written between the part before and this one (a separator, an element's
    /// start), when few: their digest and length, so that a copy can run on across them when
    /// a build writes the same bytes there again. A length of -1 when not known.
    package var lead: UInt64
    package var leadLength: Int

    package init(source: UInt64, digest: UInt64, offset: Int64, length: Int, lead: UInt64 = 0, leadLength: Int = -1) {
        self.source = source
        self.digest = digest
        self.lead = lead
        self.leadLength = leadLength
        self.offset = offset
        self.length = length
    }
}
