import Foundation
import JobFeedCore

/// Names one posting file's bytes of one kind in a cache: a format's part, a feed's item, or
/// (in the build cache) the file's reading.
package struct PartKey: Hashable, Sendable {
    package var path: String
    /// A format id, or a format's own name for a kind of bytes (a feed dialect's items).
    package var kind: String

    package init(path: String, kind: String) {
        self.path = path
        self.kind = kind
    }

    /// A stable hash of the two, which names the part in an output's layout (`PartSpan`).
    package var source: UInt64 {
        var hash = StableHash()
        hash.add(path)
        hash.add(kind)
        return hash.value
    }
}

/// Where a one-shot build finds what earlier builds rendered and read, and keeps what it
/// renders and reads now: the build cache in the state folder. Bytes go there and come back
/// on demand, one posting at a time, so that a build never holds every posting's bytes.
package protocol PartArchive: Sendable {
    /// The bytes stored under `key` for this stamp and context, read back intact, with the
    /// digest they were checked against; left in the archive when `needsBytes`, shown the
    /// part so far, says no one needs them read.
    func part(_ key: PartKey, stamp: FileStamp, context: UInt64, needsBytes: (FormatPart) -> Bool) -> FormatPart?
    /// Keeps the bytes (their digest is taken when the part has none).
    func store(_ part: FormatPart, as key: PartKey, stamp: FileStamp, context: UInt64)
    /// The posting files that exist now: the others' entries are dropped when the build publishes.
    func keepOnly(_ paths: Set<String>)
}
