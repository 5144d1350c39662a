import Foundation
import JobFeedCore
import JobFeedSystem
import Synchronization

/// What rendering made for each posting file, kept between builds: its body in three forms,
/// each format's part, and what each whole feed was made from. An entry is used only while the
/// file's stamp, and everything else the bytes depend on (its URL, status and translations),
/// are what they were.
///
/// Builds over the state folder's build cache give it an `archive`: parts then go to the
/// archive and come back from it, and no body is kept, so memory stays that of a chunk of
/// postings. Without one (a library user's in-memory cache), it keeps everything in memory.
package final class RenderCache: Sendable {
    private struct Part {
        var stamp: FileStamp
        var context: UInt64
        var part: FormatPart
    }

    private struct Body {
        var stamp: FileStamp
        var url: String
        var body: RenderedBody
    }

    private let bodies = Mutex<[String: Body]>([:])
    private let parts = Mutex<[PartKey: Part]>([:])
    private let fingerprints = Mutex<[String: (fingerprint: UInt64, stamp: FileStamp)]>([:])
    private let archive: (any PartArchive)?

    package init(archive: (any PartArchive)? = nil) {
        self.archive = archive
    }

    package func body(_ path: String, stamp: FileStamp, url: String) -> RenderedBody? {
        bodies.withLock { $0[path].flatMap { $0.stamp == stamp && $0.url == url ? $0.body : nil } }
    }

    package func store(_ body: RenderedBody, for path: String, stamp: FileStamp, url: String) {
        guard archive == nil else { return }
        bodies.withLock { $0[path] = Body(stamp: stamp, url: url, body: body) }
    }

    /// A posting's place among the parts: its file, the file's stamp, and what else its bytes
    /// depend on, worked out once for all of its parts.
    package struct Slot: Sendable {
        fileprivate let posting: PostingKey
        fileprivate let stamp: FileStamp
        /// A stable hash of the context (see `context(of:)`), the archive's key too.
        fileprivate let context: UInt64
    }

    /// Nil for a posting that was not read from a file (nothing to key it on).
    package func slot(for entry: CatalogEntry) -> Slot? {
        entry.posting.source.stamp.map { stamp in
            Slot(posting: PostingKey(path: entry.posting.source.absolutePath), stamp: stamp, context: Self.context(of: entry))
        }
    }

    /// The posting's bytes of each of `kinds` that are kept for its file and context as they
    /// are now; each left in the build cache when `needsBytes` says no output needs it read
    /// (see `FormatPart`). The posting is looked up once for all of them.
    package func parts(_ kinds: [String], in slot: Slot, needsBytes: (String, FormatPart) -> Bool = { _, _ in true }) -> FormatParts {
        if let archive {
            return archive.parts(kinds, of: slot.posting, stamp: slot.stamp, context: slot.context, needsBytes: needsBytes)
        }
        return parts.withLock { parts in
            var found = FormatParts(capacity: kinds.count)
            for kind in kinds {
                guard let kept = parts[PartKey(posting: slot.posting, kind: kind)], kept.stamp == slot.stamp, kept.context == slot.context else { continue }
                found[kind: kind] = kept.part
            }
            return found
        }
    }

    /// The posting's bytes of `kind`, when its file and context are unchanged.
    package func part(_ kind: String, in slot: Slot) -> FormatPart? {
        parts([kind], in: slot)[kind: kind]
    }

    /// Keeps the bytes, with their digest, computed here once.
    @discardableResult
    package func store(_ data: Data, kind: String, in slot: Slot) -> FormatPart {
        let key = PartKey(posting: slot.posting, kind: kind)
        let part = FormatPart(data: data, digest: ContentDigest.of(data), source: key.source)
        if let archive {
            archive.store(part, as: key, stamp: slot.stamp, context: slot.context)
        } else {
            parts.withLock { $0[key] = Part(stamp: slot.stamp, context: slot.context, part: part) }
        }
        return part
    }

    /// True when the output was made from the same inputs and is still as it was written.
    package func outputIsCurrent(_ path: String, fingerprint: UInt64) -> Bool {
        guard let known = fingerprints.withLock({ $0[path] }), known.fingerprint == fingerprint else { return false }
        return FileStamp(path: path) == known.stamp
    }

    package func recordOutput(_ path: String, fingerprint: UInt64) {
        guard let stamp = FileStamp(path: path) else { return }
        fingerprints.withLock { $0[path] = (fingerprint, stamp) }
    }

    /// What each feed was made from, for the archive to keep.
    package var outputFingerprints: [String: (fingerprint: UInt64, stamp: FileStamp)] {
        get { fingerprints.withLock { $0 } }
        set { fingerprints.withLock { $0 = newValue } }
    }

    /// Forgets posting files that are gone.
    /// `paths`: the posting files found. A set of them is made only for what this cache holds
    /// in memory: over an archive, that is nothing, and a one-shot build at 10,000 postings
    /// hashed its 10,000 paths for it on one core.
    package func keepOnly(_ paths: [String]) {
        archive?.keepOnly(paths)
        guard bodies.withLock({ !$0.isEmpty }) || parts.withLock({ !$0.isEmpty }) else { return }
        let found = Set(paths)
        bodies.withLock { $0 = $0.filter { found.contains($0.key) } }
        parts.withLock { $0 = $0.filter { found.contains($0.key.path) } }
    }

    /// What else a posting's bytes depend on besides its file: its URL, its status at "now"
    /// and its translations' links, hashed from the parts as they are (building their text for
    /// every posting of every build showed in the profile of a watcher's rebuild).
    private static func context(of entry: CatalogEntry) -> UInt64 {
        var hash = StableHash()
        hash.add(entry.posting.url)
        hash.add(entry.status.rawValue)
        for translation in entry.translations {
            hash.add(translation.language)
            hash.add(translation.url)
        }
        return hash.value
    }
}
