import Foundation
import JobFeedCore
import JobFeedReading
import JobFeedSystem

/// Where each last-good copy lies in the pack: the posting's stamp (whose size is the copy's
/// length) and its offset. Stored as a small binary file, read on every build.
package struct LastGoodIndex: Sendable {
    package static let fileName = "index"
    package static let magic = Array("jobfeed-last-good 1\n".utf8)

    package struct Entry: Sendable, Hashable {
        package var stamp: FileStamp
        package var offset: UInt64

        package init(stamp: FileStamp, offset: UInt64) {
            self.stamp = stamp
            self.offset = offset
        }
    }

    /// An index as a process last read or wrote it, and the stamp its file had then (see
    /// `BuildCache.lastGoodIndex`).
    package struct Known: Sendable {
        package var index: LastGoodIndex
        package var stamp: FileStamp
    }

    package var generation = 0
    /// By posting path, byte for byte (see `ExactPath`).
    package private(set) var entries: [ExactPath: Entry] = [:]
    /// The paths in order (and perhaps some forgotten since), while no path has come since the
    /// index was read: a build that replaces copies (every edit) then encodes it without sorting
    /// every path again (12 ms at 10,000 postings, in the write step's serial stretch).
    private var sortedPaths: [ExactPath]?

    package init(generation: Int = 0) {
        self.generation = generation
    }

    /// Records where the posting's copy lies.
    package mutating func set(_ entry: Entry, for path: ExactPath) {
        if entries.updateValue(entry, forKey: path) == nil { sortedPaths = nil }
    }

    /// Forgets the copies of postings not in `present`, distinct paths (a listing's), in place
    /// (filtering made a new table of every copy, build after build); the others' order
    /// stands. When every entry's path is present, as in nearly every build, that is told by
    /// looking the paths up here, with no set of them made (hashing 10,000 paths twice took
    /// 1.5 ms of a cron build's one-core stretch at 10,000 postings).
    package mutating func keepOnly(_ present: [ExactPath]) {
        assert(Set(present).count == present.count, "paths listed twice")
        var found = 0
        for path in present where entries[path] != nil { found += 1 }
        guard found < entries.count else { return }
        let kept = Set(present)
        for path in entries.keys where !kept.contains(path) { entries[path] = nil }
    }

    package var liveBytes: UInt64 {
        entries.values.reduce(0) { $0 + UInt64($1.stamp.size) }
    }

    package func deadBytes(packSize: UInt64) -> UInt64 {
        packSize > liveBytes ? packSize - liveBytes : 0
    }

    package static func load(from path: String) -> LastGoodIndex {
        guard let data = FileManager.default.contents(atPath: path) else { return LastGoodIndex() }
        var reader = ByteReader(data)
        guard reader.bytes(magic.count).map(Array.init) == magic, let generation = reader.integer() else { return LastGoodIndex() }
        var index = LastGoodIndex(generation: Int(generation))
        var paths: [ExactPath] = []
        while !reader.isAtEnd {
            guard let path = reader.string(), let size = reader.integer(), let seconds = reader.integer(),
                  let nanoseconds = reader.integer(), let inode = reader.integer(), let offset = reader.integer()
            else { return LastGoodIndex(generation: Int(generation)) }
            let stamp = FileStamp(size: Int64(bitPattern: size), modifiedSeconds: Int(Int64(bitPattern: seconds)),
                                  modifiedNanoseconds: Int(Int64(bitPattern: nanoseconds)), inode: inode)
            index.entries[ExactPath(path)] = Entry(stamp: stamp, offset: offset)
            paths.append(ExactPath(path))
        }
        // Written in order; checked, as a file another version wrote need not be.
        if paths.count == index.entries.count, zip(paths, paths.dropFirst()).allSatisfy({ $0 < $1 }) { index.sortedPaths = paths }
        return index
    }

    /// In path order, so that the same copies give the same bytes. Written with no array per
    /// entry: at 10,000 postings this ran in a cron build's serial end.
    package func encoded() -> Data {
        var bytes = Self.magic
        bytes.reserveCapacity(Self.magic.count + 8 + entries.count * 64)
        Self.append(UInt64(generation), to: &bytes)
        for path in sortedPaths ?? entries.keys.sorted() {
            guard let entry = entries[path] else { continue }
            path.text.withBorrowedUTF8 { utf8 in
                Self.append(UInt64(utf8.count), to: &bytes)
                bytes.append(contentsOf: utf8)
            }
            // The entry's words in one append (a tuple of one type lies as an array does): one
            // append each, with its check for room, was most of this at 10,000 postings.
            let words = (UInt64(bitPattern: entry.stamp.size).littleEndian, UInt64(bitPattern: Int64(entry.stamp.modifiedSeconds)).littleEndian,
                         UInt64(bitPattern: Int64(entry.stamp.modifiedNanoseconds)).littleEndian, entry.stamp.inode.littleEndian,
                         entry.offset.littleEndian)
            withUnsafeBytes(of: words) { bytes.append(contentsOf: $0) }
        }
        return Data(bytes)
    }

    private static func append(_ value: UInt64, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
    }
}

/// Reads little-endian integers and length-prefixed strings, failing softly on a short file.
private struct ByteReader {
    package let data: [UInt8]
    package var position = 0

    package init(_ data: Data) { self.data = Array(data) }

    package var isAtEnd: Bool { position >= data.count }

    package mutating func bytes(_ count: Int) -> ArraySlice<UInt8>? {
        guard count >= 0, data.count - position >= count else { return nil }
        defer { position += count }
        return data[position..<position + count]
    }

    package mutating func integer() -> UInt64? {
        bytes(8).map { $0.reversed().reduce(0) { $0 << 8 | UInt64($1) } }
    }

    package mutating func string() -> String? {
        guard let length = integer(), length < UInt64(Int32.max), let bytes = bytes(Int(length)) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }
}
