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
    }

    package var generation = 0
    /// By posting path, byte for byte (see `ExactPath`).
    package var entries: [ExactPath: Entry] = [:]

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
        while !reader.isAtEnd {
            guard let path = reader.string(), let size = reader.integer(), let seconds = reader.integer(),
                  let nanoseconds = reader.integer(), let inode = reader.integer(), let offset = reader.integer()
            else { return LastGoodIndex(generation: Int(generation)) }
            let stamp = FileStamp(size: Int64(bitPattern: size), modifiedSeconds: Int(Int64(bitPattern: seconds)),
                                  modifiedNanoseconds: Int(Int64(bitPattern: nanoseconds)), inode: inode)
            index.entries[ExactPath(path)] = Entry(stamp: stamp, offset: offset)
        }
        return index
    }

    /// In path order, so that the same copies give the same bytes. Written with no array per
    /// entry: at 10,000 postings this ran in a cron build's serial end.
    package func encoded() -> Data {
        var bytes = Self.magic
        bytes.reserveCapacity(Self.magic.count + 8 + entries.count * 64)
        Self.append(UInt64(generation), to: &bytes)
        for (path, entry) in entries.sorted(by: { $0.key < $1.key }) {
            Self.append(UInt64(path.text.utf8.count), to: &bytes)
            bytes += path.text.utf8
            Self.append(UInt64(bitPattern: entry.stamp.size), to: &bytes)
            Self.append(UInt64(bitPattern: Int64(entry.stamp.modifiedSeconds)), to: &bytes)
            Self.append(UInt64(bitPattern: Int64(entry.stamp.modifiedNanoseconds)), to: &bytes)
            Self.append(entry.stamp.inode, to: &bytes)
            Self.append(entry.offset, to: &bytes)
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
