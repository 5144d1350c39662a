import Foundation
import JobFeedCore
import JobFeedReading
import JobFeedSystem

/// Where each last-good copy lies in the pack: the posting's stamp (whose size is the copy's
/// length), its offset, and the digest of its bytes. Stored as a small binary file, read on
/// every build.
package struct LastGoodIndex: Sendable {
    package static let fileName = "index"
    package static let magic = Array("jobfeed-last-good 2\n".utf8)
    /// The format before copies had digests: five words per entry, not six.
    static let formatOneMagic = Array("jobfeed-last-good 1\n".utf8)

    package struct Entry: Sendable, Hashable {
        package var stamp: FileStamp
        package var offset: UInt64
        /// `ContentDigest` of the copy, taken from the bytes that were read and parsed cleanly:
        /// a copy whose bytes no longer match it is never published.
        package var digest: UInt64

        package init(stamp: FileStamp, offset: UInt64, digest: UInt64) {
            self.stamp = stamp
            self.offset = offset
            self.digest = digest
        }
    }

    /// An index read from its file.
    package struct Loaded {
        package var index: LastGoodIndex
        /// Not an index, cut short, or holding a value no index holds: its entries are forgotten.
        package var refused = false
        /// Written by a version before digests: its copies were digested as they lay, once.
        package var formatOne = false
    }

    /// An index as a process last read or wrote it, and the stamp its file had then (see
    /// `BuildCache.lastGoodIndex`).
    package struct Known: Sendable {
        package var index: LastGoodIndex
        package var stamp: FileStamp
        /// One share of its copies checked against their digests already (by a one-shot
        /// build's read-ahead), and the paths of those found damaged: the build's appends take
        /// this rather than read that share of the pack again.
        package var checked: (share: Int, damaged: [ExactPath])?
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

    /// Forgets one posting's copy (the sorted paths may keep it: see `sortedPaths`).
    package mutating func remove(_ path: ExactPath) {
        entries[path] = nil
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

    /// The index in the file at `path` (an empty one when there is none). A refused file's
    /// entries are forgotten, and its generation kept when that much could be read: one that
    /// is not an index, is cut short, or holds a value no index holds (a generation past
    /// `Int32.max`, a copy's size below zero or past `Int32.max`). Read without these checks, a
    /// generation past `Int.max` trapped, and stopped every build until the state folder was
    /// deleted. An index of format 1 takes each copy's digest from `digestOfCopy` (the copy as
    /// it lies in the pack; nil, unreadable, and the entry is dropped).
    package static func load(from path: String, digestOfCopy: (Int, Entry) -> UInt64? = { _, _ in nil }) -> Loaded {
        guard let data = FileManager.default.contents(atPath: path) else { return Loaded(index: LastGoodIndex()) }
        return data.withUnsafeBytes { raw in
            var reader = ByteReader(raw)
            guard let head = try? reader.skip(magic.count), head.elementsEqual(magic) || head.elementsEqual(formatOneMagic),
                  let word = try? reader.uint64(), word < UInt64(Int32.max) else { return Loaded(index: LastGoodIndex(), refused: true) }
            let generation = Int(word)
            let formatOne = head.elementsEqual(formatOneMagic)
            do {
                let index = try entries(from: &reader, generation: generation, formatOne: formatOne) { digestOfCopy(generation, $0) }
                return Loaded(index: index, formatOne: formatOne)
            } catch {
                return Loaded(index: LastGoodIndex(generation: generation), refused: true)
            }
        }
    }

    private static func entries(from reader: inout ByteReader, generation: Int, formatOne: Bool,
                                digestOfCopy: (Entry) -> UInt64?) throws(ByteReader.Malformed) -> LastGoodIndex {
        var index = LastGoodIndex(generation: generation)
        var paths: [ExactPath] = []
        while !reader.isAtEnd {
            let path = ExactPath(try reader.string())
            let words = try reader.words(formatOne ? 5 : 6)
            let size = Int64(bitPattern: words.word(at: 0))
            guard (0...Int64(Int32.max)).contains(size), words.word(at: 4) <= UInt64(Int64.max) else { throw ByteReader.Malformed() }
            let stamp = FileStamp(size: size, modifiedSeconds: Int(Int64(bitPattern: words.word(at: 1))),
                                  modifiedNanoseconds: Int(Int64(bitPattern: words.word(at: 2))), inode: words.word(at: 3))
            var entry = Entry(stamp: stamp, offset: words.word(at: 4), digest: 0)
            if formatOne {
                guard let digest = digestOfCopy(entry) else { continue }
                entry.digest = digest
            } else {
                entry.digest = words.word(at: 5)
            }
            index.entries[path] = entry
            paths.append(path)
        }
        // Written in order; checked, as a file another version wrote need not be.
        if paths.count == index.entries.count, zip(paths, paths.dropFirst()).allSatisfy({ $0 < $1 }) { index.sortedPaths = paths }
        return index
    }

    /// In path order, so that the same copies give the same bytes: the magic line, the
    /// generation, then each entry's path (length-prefixed) and six words (`ByteWriter`'s
    /// encoding): the stamp's size, seconds, nanoseconds and inode, the offset, the digest. Written with no array per entry: at 10,000 postings this ran in a cron build's
    /// serial end.
    package func encoded() -> Data {
        var writer = ByteWriter(header: Self.magic, capacity: Self.magic.count + 8 + entries.count * 104)
        writer.append(UInt64(generation))
        var words = [UInt64](repeating: 0, count: 6)
        for path in sortedPaths ?? entries.keys.sorted() {
            guard let entry = entries[path] else { continue }
            path.text.withBorrowedUTF8 { writer.append(utf8: $0.assumingMemoryBound(to: UInt8.self)) }
            words[0] = UInt64(bitPattern: entry.stamp.size)
            words[1] = UInt64(bitPattern: Int64(entry.stamp.modifiedSeconds))
            words[2] = UInt64(bitPattern: Int64(entry.stamp.modifiedNanoseconds))
            words[3] = entry.stamp.inode
            words[4] = entry.offset
            words[5] = entry.digest
            writer.append(words: words)
        }
        return Data(writer.bytes)
    }
}
