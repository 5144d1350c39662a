import Foundation
import JobFeedCore
import JobFeedSystem
import SystemPackage

/// What builds changed in the build cache's index since it was last written whole
/// (`cache/index-log`): a build that publishes appends one record of its changes, so that
/// keeping the index costs what changed, not a rewrite of its 100,000 entries (10,000
/// postings; 8% of a cron build). Loading replays the records onto the index.
///
/// Each record names the index file it follows (that file's digest) and ends with its own
/// digest: records for another index, and a record cut short by a killed build and what
/// follows it, are not replayed (what they recorded is rendered or compared again).
package struct CacheIndexLog {
    package static let fileName = "index-log"

    /// One build's changes.
    package struct Change {
        package var packLength: UInt64
        package var entries: [(CacheIndex.Key, CacheIndex.Entry)] = []
        package var removedEntries: [CacheIndex.Key] = []
        package var outputs: [(ExactPath, WrittenOutputs.Output)] = []
        package var fingerprints: [(String, (fingerprint: UInt64, stamp: FileStamp))] = []
        package var removedFingerprints: [String] = []

        package init(packLength: UInt64) {
            self.packLength = packLength
        }

        /// The outputs recorded since the index was kept (`WrittenOutputs.takeChanged`;
        /// outputs are never forgotten, only recorded again), and the feeds' fingerprints that
        /// differ from what the index holds.
        package mutating func record(outputs changed: [(ExactPath, WrittenOutputs.Output)], fingerprints nowFingerprints: [String: (fingerprint: UInt64, stamp: FileStamp)], since index: CacheIndex) {
            outputs = changed
            fingerprints = nowFingerprints.filter { path, recorded in
                index.fingerprints[path].map { $0.fingerprint != recorded.fingerprint || $0.stamp != recorded.stamp } ?? true
            }.map { ($0.key, $0.value) }
            removedFingerprints = index.fingerprints.keys.filter { nowFingerprints[$0] == nil }
        }

        func apply(to index: inout CacheIndex) {
            index.packLength = packLength
            for key in removedEntries { index[key] = nil }
            for (key, entry) in entries { index[key] = entry }
            for (path, output) in outputs { index.outputs[path] = output }
            for path in removedFingerprints { index.fingerprints[path] = nil }
            for (path, recorded) in fingerprints { index.fingerprints[path] = recorded }
        }

        /// The record: its body's length, the body (the index it follows first), its digest.
        func encoded(following base: UInt64) -> Data {
            var writer = ByteWriter()
            writer.append(base)
            writer.append(packLength)
            writer.append(entries.count)
            for (key, entry) in entries {
                writer.append(key.path)
                writer.append(key.kind)
                CacheIndex.write(entry, to: &writer)
            }
            writer.append(removedEntries.count)
            for key in removedEntries {
                writer.append(key.path)
                writer.append(key.kind)
            }
            writer.append(outputs.count)
            for (path, output) in outputs {
                writer.append(path.text)
                CacheIndex.write(output, to: &writer)
            }
            writer.append(fingerprints.count)
            for (path, recorded) in fingerprints {
                writer.append(path)
                writer.append(recorded.fingerprint)
                recorded.stamp.write(to: &writer)
            }
            writer.append(removedFingerprints)
            let body = Data(writer.bytes)
            var record = Data()
            withUnsafeBytes(of: UInt64(body.count).littleEndian) { record.append(contentsOf: $0) }
            record.append(body)
            withUnsafeBytes(of: ContentDigest.of(body).littleEndian) { record.append(contentsOf: $0) }
            return record
        }

        static func read(_ reader: inout ByteReader, following base: UInt64) throws(ByteReader.Malformed) -> Change {
            guard try reader.uint64() == base else { throw ByteReader.Malformed() }
            var change = Change(packLength: try reader.uint64())
            for _ in 0..<(try reader.count()) {
                let key = CacheIndex.Key(path: try reader.string(), kind: try reader.string())
                let entry = try CacheIndex.readEntry(&reader)
                guard entry.fits(within: change.packLength) else { throw ByteReader.Malformed() }
                change.entries.append((key, entry))
            }
            for _ in 0..<(try reader.count()) { change.removedEntries.append(CacheIndex.Key(path: try reader.string(), kind: try reader.string())) }
            for _ in 0..<(try reader.count()) { change.outputs.append((ExactPath(try reader.string()), try CacheIndex.readOutput(&reader))) }
            for _ in 0..<(try reader.count()) {
                change.fingerprints.append((try reader.string(), (try reader.uint64(), try FileStamp.read(from: &reader))))
            }
            change.removedFingerprints = try reader.strings()
            guard reader.isAtEnd else { throw ByteReader.Malformed() }
            return change
        }
    }

    /// Replays the log at `path` onto `index` (loaded from the file whose digest is `base`);
    /// the length of the records replayed, past which the file is to be cut off.
    package static func replay(from path: String, onto index: inout CacheIndex, following base: UInt64) -> Int {
        guard let data = FileManager.default.contents(atPath: path) else { return 0 }
        return data.withUnsafeBytes { raw in
            var offset = 0
            while offset + 16 <= raw.count {
                // A damaged length can be any 64 bits.
                guard let length = Int(exactly: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))),
                      length <= raw.count - offset - 16 else { break }
                let body = UnsafeRawBufferPointer(rebasing: raw[(offset + 8)..<(offset + 8 + length)])
                let digest = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset + 8 + length, as: UInt64.self))
                guard ContentDigest.of(body) == digest else { break }
                var reader = ByteReader(body)
                guard let change = try? Change.read(&reader, following: base) else { break }
                change.apply(to: &index)
                offset += 16 + length
            }
            return offset
        }
    }

    /// Appends an encoded record to the log at `path`.
    package static func append(_ record: Data, to path: String) throws(SystemError) {
        let file = try OpenFile(path, .writeOnly, options: [.create, .append], permissions: FilePermissions(rawValue: StateFolder.fileMode), operation: "write")
        try file.writeAll(record)
    }
}
