import Foundation
import JobFeedCore

/// Names one posting file's bytes of one kind in a cache: a format's part, a feed's item, or
/// (in the build cache) the file's reading.
package struct PartKey: Hashable, Sendable {
    /// The posting file whose bytes these are, its path hashed once for all of its kinds (a
    /// posting's every kind is looked up at once, and hashing its path again for each came to
    /// 2% of a cron build).
    package let posting: PostingKey
    /// A format id, or a format's own name for a kind of bytes (a feed dialect's items).
    package let kind: String
    /// A stable hash of the two, which names the part in an output's layout (`PartSpan`).
    /// Taken once, and what the caches' tables hash: a cron build at 10,000 postings looks
    /// keys up some 300,000 times, and hashed and compared each path in full every time.
    package let source: UInt64

    package init(path: String, kind: String) {
        self.init(posting: PostingKey(path: path), kind: kind)
    }

    package init(posting: PostingKey, kind: String) {
        self.posting = posting
        self.kind = kind
        var hash = StableHash(continuing: posting.pathHash)
        hash.add(kind)
        source = hash.value
    }

    package var path: String { posting.path }

    package static func == (left: PartKey, right: PartKey) -> Bool {
        left.source == right.source && left.posting.path == right.posting.path && left.kind == right.kind
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(source)
    }
}

/// One posting file in the build cache's tables, which hold each posting's kinds together: a
/// build looks a posting up once for all of them.
package struct PostingKey: Hashable, Sendable {
    package let path: String
    /// `hash(ofPath:)`: what the tables hash, taken once; what a build matches against the
    /// posting files that still exist.
    package let pathHash: UInt64

    package init(path: String) {
        self.path = path
        pathHash = Self.hash(ofPath: path)
    }

    package static func hash(ofPath path: String) -> UInt64 {
        StableHash.of(path)
    }

    package static func == (left: PostingKey, right: PostingKey) -> Bool {
        left.pathHash == right.pathHash && left.path == right.path
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(pathHash)
    }
}

/// Where a one-shot build finds what earlier builds rendered and read, and keeps what it
/// renders and reads now: the build cache in the state folder. Bytes go there and come back
/// on demand, one posting at a time, so that a build never holds every posting's bytes.
package protocol PartArchive: AnyObject, Sendable {
    /// The bytes of each of `kinds` stored for the posting at this stamp and context, those it
    /// holds, read back intact with the digest they were checked against; each left in the
    /// archive when `needsBytes`, shown its kind and the part so far, says no one needs it read.
    func parts(_ kinds: [String], of posting: PostingKey, stamp: FileStamp, context: UInt64,
               needsBytes: (String, FormatPart) -> Bool) -> FormatParts
    /// The bytes of a part it left in itself (`FormatPart.CachedPlace`), read back and checked
    /// against their digest; nil when they no longer match (the part is then dropped when the
    /// build publishes).
    func bytes(at offset: UInt64, length: Int, digest: UInt64, source: UInt64) -> Data?
    /// Keeps the bytes (their digest is taken when the part has none).
    func store(_ part: FormatPart, as key: PartKey, stamp: FileStamp, context: UInt64)
    /// The posting files that exist now: the others' entries are dropped when the build publishes.
    func keepOnly(_ paths: [String])
}
