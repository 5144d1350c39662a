import Foundation
import JobFeedCore
@_spi(Specialized) import JobFeedRendering

/// The build cache's index (`cache/index`): where each entry's bytes are in the pack, what
/// each output held when written, and what each feed was made from. Binary, checked whole by
/// a digest at its end; made for one key (jobfeed, config, formats) and refused for another.
package struct CacheIndex {
    package typealias Key = PartKey

    package struct Entry: Equatable {
        package var stamp: FileStamp
        package var context: UInt64
        package var offset: UInt64
        package var length: Int
        package var digest: UInt64

        package init(stamp: FileStamp, context: UInt64, offset: UInt64, length: Int, digest: UInt64) {
            self.stamp = stamp
            self.context = context
            self.offset = offset
            self.length = length
            self.digest = digest
        }

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
    static let format = 5
    static let magic: UInt64 = 0x4A46_4341_4348_4531  // "JFCACHE1"

    package init() {}

    package var generation = 0
    package var packLength: UInt64 = 0
    /// Each posting file's entries, by kind: a build finds all of a posting's kinds with one
    /// lookup in a table of 10,000 postings, where a table of an entry per kind took eight
    /// lookups among 67,000, each waiting on the table's memory (some 9% of a cron build's CPU
    /// at 10,000 postings, with the hashing of the keys).
    package var entries: [PostingKey: ByKind<Entry>] = [:]
    /// By exact path (see `ExactPath`): per-posting documents whose slugs read alike are two.
    package var outputs: [ExactPath: WrittenOutputs.Output] = [:]
    package var fingerprints: [String: (fingerprint: UInt64, stamp: FileStamp)] = [:]
    /// The digest of the index file this was read from or written as (not part of it): the
    /// log's records name it.
    package var fileDigest: UInt64 = 0
    /// That file's size.
    package var fileSize = 0

    /// The entry for one posting's kind.
    package subscript(key: Key) -> Entry? {
        get { entries[key.posting]?[kind: key.kind] }
        set {
            if let newValue { return entries[key.posting, default: ByKind()][kind: key.kind] = newValue }
            // A posting whose last kind goes leaves the table.
            guard var kinds = entries.removeValue(forKey: key.posting) else { return }
            kinds[kind: key.kind] = nil
            if !kinds.isEmpty { entries[key.posting] = kinds }
        }
    }

    var entryCount: Int { entries.values.reduce(0) { $0 + $1.count } }

    /// Every entry by its own key (compaction, and tests).
    package var allEntries: [Key: Entry] {
        var all: [Key: Entry] = [:]
        for (posting, kinds) in entries {
            for (kind, entry) in kinds.pairs { all[Key(posting: posting, kind: kind)] = entry }
        }
        return all
    }

    var liveBytes: UInt64 {
        var total: UInt64 = 0
        for kinds in entries.values {
            for (_, entry) in kinds.pairs { total += UInt64(entry.length) }
        }
        return total
    }

    /// Whether more than half of the pack (and over a megabyte) is dead: time to compact it.
    var isMostlyDead: Bool {
        let live = liveBytes
        let dead = packLength - min(packLength, live)
        return dead > live && dead > 1 << 20
    }
}
