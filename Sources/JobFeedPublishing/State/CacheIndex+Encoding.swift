import Foundation
import JobFeedCore
@_spi(Specialized) import JobFeedRendering

/// The index file's bytes: read and checked whole, written in path order so that the same
/// index is the same bytes.
extension CacheIndex {
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
        // Room for every posting at once, rather than the table growing (and rehashing) its
        // way to 10,000. No posting takes fewer than 64 bytes, which bounds what a count can
        // ask for.
        let total = try reader.count()
        let paths = try reader.count()
        index.entries.reserveCapacity(min(paths, reader.remaining / 64))
        var read = 0
        for _ in 0..<paths {
            let posting = PostingKey(path: try reader.string())
            let count = try reader.count()
            var kinds = ByKind<Entry>(capacity: min(count, 16))
            for _ in 0..<count {
                let kind = try reader.string()
                let entry = try readEntry(&reader)
                guard entry.fits(within: index.packLength) else { throw ByteReader.Malformed() }
                kinds[kind: kind] = entry
            }
            // A path or a kind written twice is damage, as is a posting without entries.
            guard !kinds.isEmpty, index.entries.updateValue(kinds, forKey: posting) == nil else { throw ByteReader.Malformed() }
            read += kinds.count
        }
        guard read == total else { throw ByteReader.Malformed() }
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
        encode(entries: encodedEntries(key: key))
    }

    /// The index's bytes up to its outputs: what `commit` prepares while they publish.
    func encodedEntries(key: UInt64) -> ByteWriter {
        var writer = ByteWriter()
        writer.append(Self.magic)
        writer.append(Self.format)
        writer.append(key)
        writer.append(generation)
        writer.append(packLength)
        writer.append(entryCount)
        writer.append(entries.count)
        // In path order, sorted by the paths' bytes (see `ExactPath.sortedPlaces`): as
        // `String`s, 50,000 postings' and 37,000 outputs' paths took 150 ms to sort.
        let postings = Array(entries)
        for place in ExactPath.sortedPlaces(of: postings.map { ExactPath($0.key.path) }) {
            let (posting, kinds) = postings[place]
            writer.append(posting.path)
            writer.append(kinds.count)
            for (kind, entry) in kinds.pairs.sorted(by: { $0.kind < $1.kind }) {
                writer.append(kind)
                Self.write(entry, to: &writer)
            }
        }
        return writer
    }

    /// The whole index's bytes, from `encodedEntries` made for it as it is now.
    mutating func encode(entries: consuming ByteWriter) -> Data {
        var writer = entries
        writer.append(outputs.count)
        let recorded = Array(outputs)
        for place in ExactPath.sortedPlaces(of: recorded.map(\.key)) {
            let (path, output) = recorded[place]
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

    static func write(_ output: WrittenOutputs.Output, to writer: inout ByteWriter) {
        output.stamp.write(to: &writer)
        writer.append(output.size)
        writer.append(output.digest)
    }

    static func readOutput(_ reader: inout ByteReader) throws(ByteReader.Malformed) -> WrittenOutputs.Output {
        WrittenOutputs.Output(stamp: try FileStamp.read(from: &reader), size: try reader.int(), digest: try reader.uint64())
    }
}
