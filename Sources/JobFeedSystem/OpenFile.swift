import Foundation
import JobFeedCore
import SystemPackage
internal import CLinux

/// One open file and its one owner: every read and write goes through here, retried when a
/// signal interrupts it (swift-system's `retryOnInterrupt`), its errors named in one place,
/// and the descriptor closed exactly once, when the last reference to its owner goes.
package final class OpenFile: Sendable {
    package let path: String
    private let descriptor: FileDescriptor

    /// Opens `path`; `operation` names what failed ("read", "write").
    package init(_ path: String, _ mode: FileDescriptor.AccessMode, options: FileDescriptor.OpenOptions = [],
                 permissions: FilePermissions? = nil, operation: String) throws(SystemError) {
        self.path = path
        descriptor = try SystemCall.run(operation, path) {
            try FileDescriptor.open(FilePath(path), mode, options: options.union(.closeOnExec), permissions: permissions)
        }
    }

    /// Takes ownership of a descriptor made by a call swift-system does not wrap (inotify).
    package init(adopting rawDescriptor: Int32, path: String) {
        self.path = path
        descriptor = FileDescriptor(rawValue: rawDescriptor)
    }

    deinit {
        try? descriptor.close()
    }

    /// For the calls that take a raw descriptor (`flock`, `fstat`, `inotify_add_watch`).
    package var rawValue: Int32 { descriptor.rawValue }

    /// Reads what is there, up to the buffer's size; 0 at the end of the file.
    package func read(into buffer: UnsafeMutableRawBufferPointer, operation: String = "read") throws(SystemError) -> Int {
        try SystemCall.run(operation, path) { try descriptor.read(into: buffer) }
    }

    /// Reads at an offset without moving the file's position (pread): safe from several threads.
    package func read(at offset: Int64, into buffer: UnsafeMutableRawBufferPointer) throws(SystemError) -> Int {
        var filled = 0
        while filled < buffer.count {
            let count = try SystemCall.run("read", path) {
                try descriptor.read(fromAbsoluteOffset: offset + Int64(filled), into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]))
            }
            if count == 0 { break }
            filled += count
        }
        return filled
    }

    /// Writes every byte, retrying short writes.
    package func writeAll(_ bytes: UnsafeRawBufferPointer) throws(SystemError) {
        _ = try SystemCall.run("write", path) { try descriptor.writeAll(bytes) }
    }

    /// Appends `length` bytes of `source` from `offset`, copied by the kernel
    /// (`copy_file_range`), or through a buffer where the file systems cannot do that.
    package func append(from source: OpenFile, offset: Int64, length: Int) throws(SystemError) {
        var position = Int(offset)
        var left = length
        while left > 0 {
            let copied = copy_file_range(source.rawValue, &position, rawValue, nil, left, 0)
            if copied > 0 {
                left -= copied
            } else if copied == 0 {
                throw SystemError(operation: "copy from", path: source.path, code: ENODATA)
            } else if errno == EINTR {
                continue
            } else if [EXDEV, ENOSYS, EOPNOTSUPP, EINVAL].contains(errno) {
                return try appendThroughBuffer(from: source, offset: Int64(position), length: left)
            } else {
                throw SystemError(operation: "copy from", path: source.path, code: errno)
            }
        }
    }

    /// Makes the file's first `length` bytes read as zeros while keeping its blocks: on ext4 a
    /// change to the extents' flags, no data written or read. Writing over old bytes that the
    /// page cache no longer holds reads each partly written page from disk first; over
    /// zeroed blocks there is nothing to read. False when the file system cannot.
    @discardableResult
    package func zeroKeepingBlocks(_ length: Int64) -> Bool {
        // Whole blocks, so that no edge of the range is zeroed by writing to it.
        let rounded = (length + 4095) / 4096 * 4096
        return fallocate(rawValue, JOBFEED_FALLOC_FL_ZERO_RANGE | JOBFEED_FALLOC_FL_KEEP_SIZE, 0, Int(rounded)) == 0
    }

    /// How `residentShare` asks the kernel.
    package enum ResidencyQuery: Sendable, CaseIterable {
        /// `cachestat`, one walk of the page cache's tree; Linux 6.5 and later, else `mincore`.
        case cachestat
        /// `mincore` over a mapping of the bytes: a lookup from the tree's root for each page,
        /// 6 ms of a one-core stretch of a cron build for the spares of 10,000 postings.
        case mincore
    }

    /// The share of the first `length` bytes' pages that the page cache holds; nil when that
    /// cannot be told (the file must be open for reading).
    package func residentShare(of length: Int, asking query: ResidencyQuery = .cachestat) -> Double? {
        guard length > 0 else { return 1 }
        let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
        let pageCount = (length + pageSize - 1) / pageSize
        var cached: UInt64 = 0
        if query == .cachestat, jobfeed_cached_pages(rawValue, UInt64(length), &cached) == 0 {
            return min(1, Double(cached) / Double(pageCount))
        }
        guard let mapping = mmap(nil, length, PROT_READ, MAP_SHARED, rawValue, 0), mapping != MAP_FAILED else { return nil }
        defer { munmap(mapping, length) }
        var pages = [UInt8](repeating: 0, count: pageCount)
        guard mincore(mapping, length, &pages) == 0 else { return nil }
        return Double(pages.count { $0 & 1 != 0 }) / Double(pages.count)
    }

    /// Asks the kernel to read the whole file into the page cache, without waiting
    /// (`POSIX_FADV_WILLNEED`).
    package func prefetch() {
        _ = posix_fadvise(rawValue, 0, 0, POSIX_FADV_WILLNEED)
    }

    /// Starts writing the file's dirty pages from `offset` to disk, without waiting.
    package func startWriteback(from offset: Int64) {
        _ = sync_file_range(rawValue, Int(offset), 0, UInt32(JOBFEED_SYNC_FILE_RANGE_WRITE))
    }

    private func appendThroughBuffer(from source: OpenFile, offset: Int64, length: Int) throws(SystemError) {
        var buffer = [UInt8](repeating: 0, count: min(length, 1 << 20))
        var done = 0
        while done < length {
            let wanted = min(buffer.count, length - done)
            let count = try buffer.withUnsafeMutableBytes { bytes in
                Result { () throws(SystemError) in try source.read(at: offset + Int64(done), into: UnsafeMutableRawBufferPointer(rebasing: bytes.prefix(wanted))) }
            }.get()
            guard count == wanted else { throw SystemError(operation: "copy from", path: source.path, code: ENODATA) }
            try buffer.withUnsafeBytes { bytes in Result { () throws(SystemError) in try writeAll(UnsafeRawBufferPointer(rebasing: bytes.prefix(count))) } }.get()
            done += count
        }
    }

    package func writeAll(_ data: Data) throws(SystemError) {
        try data.withUnsafeBytes { bytes in Result { () throws(SystemError) in try writeAll(bytes) } }.get()
    }

    /// Moves the file's position on by `length` bytes, leaving what lies there as it is.
    package func skip(_ length: Int) throws(SystemError) {
        _ = try SystemCall.check("write", path) { lseek(rawValue, off_t(length), SEEK_CUR) }
    }

    /// Writes the file's dirty pages and returns once the disk has them (`sync_file_range`,
    /// waiting before and after). A rename that follows it is committed with or after what
    /// the writes changed, by the journal (ext4), so a power cut cannot leave the new name on
    /// bytes the disk never got: an older version's where the file was written over it, none
    /// at all where it was new (`make faults` cuts the power so). `fdatasync` would also
    /// commit the journal, once a file: it is the fallback where the call is missing (a
    /// kernel emulated in user space may lack it).
    package func settle() throws(SystemError) {
        let flags = UInt32(JOBFEED_SYNC_FILE_RANGE_WAIT_BEFORE | JOBFEED_SYNC_FILE_RANGE_WRITE | JOBFEED_SYNC_FILE_RANGE_WAIT_AFTER)
        do {
            _ = try SystemCall.check("write", path) { sync_file_range(rawValue, 0, 0, flags) }
        } catch where [ENOSYS, EOPNOTSUPP, EINVAL].contains(error.code) {
            _ = try SystemCall.check("write", path) { fdatasync(rawValue) }
        }
    }

    /// Cuts the file (or extends it with zeros) to `size` bytes.
    package func truncate(to size: Int64) throws(SystemError) {
        try SystemCall.check("write", path) { ftruncate(rawValue, off_t(size)) }
    }

    /// Whether no other open file refers to this one's inode: no reader that opened it, no
    /// mapping. Linux grants a write lease only then (it is released at once). False where the
    /// file system grants no leases, or the file is someone else's.
    package func isOpenOnlyHere() -> Bool {
        // A lease broken by an open elsewhere is signalled with SIGURG, ignored by default,
        // rather than SIGIO, which would end the process.
        guard fcntl(rawValue, Self.setLeaseSignal, SIGURG) == 0, fcntl(rawValue, Self.setLease, Int32(F_WRLCK)) == 0 else { return false }
        _ = fcntl(rawValue, Self.setLease, Int32(F_UNLCK))
        return true
    }

    /// `F_SETLEASE` and `F_SETSIG`, which Glibc declares only under `_GNU_SOURCE`.
    private static let setLease: Int32 = 1024
    private static let setLeaseSignal: Int32 = 10

    /// The offset of the end of the file.
    package func endOffset() throws(SystemError) -> Int64 {
        try SystemCall.run("read", path) { try descriptor.seek(offset: 0, from: .end) }
    }

    /// Reads until the buffer is full or the file ends; how many bytes it read.
    package func readFully(into buffer: UnsafeMutableRawBufferPointer) throws(SystemError) -> Int {
        var filled = 0
        while filled < buffer.count {
            let count = try read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]))
            if count == 0 { break }
            filled += count
        }
        return filled
    }
}
