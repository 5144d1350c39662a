import Foundation
import JobFeedCore
import JobFeedRendering

/// The build cache's index (`cache/index`): where each entry's bytes are in the pack, what
/// each output held when written, and what each feed was made from. Binary, checked whole by
/// a digest at its end; made for one key (jobfeed, config, formats) and refused for another.
package struct CacheIndex {
    package typealias Key = PartKey

    package struct Entry: Equatable {
        var stamp: FileStamp
        var context: UInt64
        package var offset: UInt64
        package var length: Int
        var digest: UInt64

        /// Whether its bytes lie within a pack of this length (read from a damaged file, the
        /// numbers can be anything).
        func fits(within packLength: UInt64) -> Bool {
            guard length >= 0 else { return false }
            let (end, overflow) = offset.addingReportingOverflow(UInt64(length))
            return !overflow && end <= packLength
        }
    }

    package static let fileName = "index"
    /// The layout of the index and of what it points at (a posting's fields among them).
    static let format = 4
    private static let magic: UInt64 = 0x4A46_4341_4348_4531  // "JFCACHE1"

    package var generation = 0
    package var packLength: UInt64 = 0
    package var entries: [Key: Entry] = [:]
    /// By exact path (see `ExactPath`): per-posting documents whose slugs read alike are two.
    package var outputs: [ExactPath: BuildCache.Output] = [:]
    package var fingerprints: [String: (fingerprint: UInt64, stamp: FileStamp)] = [:]
    /// The digest of the index file this was read from or written as (not part of it): the
    /// log's records name it.
    package var fileDigest: UInt64 = 0
    /// That file's size.
    package var fileSize = 0

    var liveBytes: UInt64 { entries.values.reduce(0) { $0 + UInt64($1.length) } }
    var deadBytes: UInt64 { packLength - min(packLength, liveBytes) }

    /// The index at `path` for `key`; an empty one, and whether the file was damaged (a
    /// foreign key is no damage: the config or jobfeed changed).
    package static func load(from path: String, key: UInt64) -> (index: CacheIndex, damaged: Bool) {
        guard let data = FileManager.default.contents(atPath: path) else { return (CacheIndex(), false) }
        return data.withUnsafeBytes { file in
            guard let (raw, digest) = SealedBytes.open(file) else { return (CacheIndex(), true) }
            var reader = ByteReader(raw)
            do {
                guard try reader.uint64() == magic, try reader.int() == format else { return (CacheIndex(), false) }
                guard try reader.uint64() == key else { return (CacheIndex(), false) }
                var index = try read(&reader)
                index.fileDigest = digest
                index.fileSize = data.count
                return (index, false)
            } catch {
                return (CacheIndex(), true)
            }
        }
    }

    private static func read(_ reader: inout ByteReader) throws(ByteReader.Malformed) -> CacheIndex {
        var index = CacheIndex()
        index.generation = try reader.int()
        index.packLength = try reader.uint64()
        // Room for every entry at once, rather than the table growing (and rehashing) its way
        // to 100,000; sized from the first file's kinds instead, it was twice too large past
        // 50,000 postings (a no-op build's peak RSS 224 MB against 157). No entry takes fewer
        // than 64 bytes, which bounds what a count can ask for.
        let total = try reader.count()
        index.entries.reserveCapacity(min(total, reader.remaining / 64))
        let paths = try reader.count()
        for _ in 0..<paths {
            let path = try reader.string()
            let pathHash = PartKey.hash(ofPath: path)
            let kinds = try reader.count()
            for _ in 0..<kinds {
                let kind = try reader.string()
                let entry = try readEntry(&reader)
                guard entry.fits(within: index.packLength) else { throw ByteReader.Malformed() }
                index.entries[Key(path: path, pathHash: pathHash, kind: kind)] = entry
            }
        }
        guard index.entries.count == total else { throw ByteReader.Malformed() }
        for _ in 0..<(try reader.count()) {
            let path = try reader.string()
            index.outputs[ExactPath(path)] = try readOutput(&reader)
        }
        for _ in 0..<(try reader.count()) {
            let path = try reader.string()
            index.fingerprints[path] = (try reader.uint64(), try FileStamp.read(from: &reader))
        }
        guard reader.isAtEnd else { throw ByteReader.Malformed() }
        return index
    }

    /// The index as bytes, entries grouped by posting file and sorted, so that the same index
    /// is the same bytes; and it now knows that file's digest and size.
    package mutating func encode(key: UInt64) -> Data {
        var writer = ByteWriter()
        writer.append(Self.magic)
        writer.append(Self.format)
        writer.append(key)
        writer.append(generation)
        writer.append(packLength)
        writer.append(entries.count)
        var byPath: [String: [(kind: String, entry: Entry)]] = [:]
        for (key, entry) in entries { byPath[key.path, default: []].append((key.kind, entry)) }
        writer.append(byPath.count)
        for (path, group) in byPath.sorted(by: { $0.key < $1.key }) {
            writer.append(path)
            writer.append(group.count)
            for (kind, entry) in group.sorted(by: { $0.kind < $1.kind }) {
                writer.append(kind)
                Self.write(entry, to: &writer)
            }
        }
        writer.append(outputs.count)
        for (path, output) in outputs.sorted(by: { $0.key < $1.key }) {
            writer.append(path.text)
            Self.write(output, to: &writer)
        }
        writer.append(fingerprints.count)
        for (path, recorded) in fingerprints.sorted(by: { $0.key < $1.key }) {
            writer.append(path)
            writer.append(recorded.fingerprint)
            recorded.stamp.write(to: &writer)
        }
        let (data, digest) = SealedBytes.seal(writer)
        fileDigest = digest
        fileSize = data.count
        return data
    }

    static func write(_ entry: Entry, to writer: inout ByteWriter) {
        entry.stamp.write(to: &writer)
        writer.append(entry.context)
        writer.append(entry.offset)
        writer.append(entry.length)
        writer.append(entry.digest)
    }

    static func readEntry(_ reader: inout ByteReader) throws(ByteReader.Malformed) -> Entry {
        Entry(stamp: try FileStamp.read(from: &reader), context: try reader.uint64(), offset: try reader.uint64(),
              length: try reader.int(), digest: try reader.uint64())
    }

    static func write(_ output: BuildCache.Output, to writer: inout ByteWriter) {
        output.stamp.write(to: &writer)
        writer.append(output.size)
        writer.append(output.digest)
    }

    static func readOutput(_ reader: inout ByteReader) throws(ByteReader.Malformed) -> BuildCache.Output {
        BuildCache.Output(stamp: try FileStamp.read(from: &reader), size: try reader.int(), digest: try reader.uint64())
    }
}
