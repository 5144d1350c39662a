import Foundation
import JobFeedCore
import JobFeedReading
import JobFeedSystem

/// A copy of every posting file as it last read without errors, kept in the state folder
/// (`.jobfeed/last-good/`, never in a published folder: drafts are copied too), so that a broken edit never takes a published job offline:
/// a cron build and the watcher alike fall back to the copy until the posting is fixed,
/// deleted or expires.
///
/// The copies live in one append-only pack file, found through an index that is replaced
/// atomically when the build publishes: a first build of 10,000 postings writes two files
/// rather than 10,000 (file creation costs ~30–150 µs each here), a later build appends only
/// the postings whose stamp changed, as it reads them (so no build holds every file's bytes),
/// and a copy is read only when a posting needs its fallback. Bytes appended by a build that
/// does not publish are dead weight, never wrong data; the pack is rewritten when more than
/// half of it is dead.
package struct LastGoodStore: Sendable {
    package let folder: URL
    package private(set) var index: LastGoodIndex
    /// The index file's stamp when `index` was read from it or written to it.
    private var indexStamp: FileStamp?
    /// The index with this build's appended copies, until it is saved.
    private var staged: LastGoodIndex?
    /// The pack's length before this build appended to it, to cut it back to if the build does
    /// not publish (a failed build's copies must not fill the disk build after build).
    private var committedPackSize: UInt64?
    /// Problems keeping copies: they never stop a build, but the user hears of them.
    private var warnings: [Diagnostic] = []
    /// Said once (see `PublishingContext.notices`): the index's file was refused.
    private var notices: [Diagnostic] = []
    /// The index's file is of format 1 (no digests): saved in the current format by the next
    /// build that publishes, though no copy changed.
    private var outdatedFile = false
    /// Which share of the copies (see `share(of:)`) this build checks against their digests
    /// before it appends; nil for none. A copy damaged while its posting reads cleanly would
    /// otherwise be found only when the posting breaks, too late to copy it again, and that
    /// posting would then be left out.
    package var checkedShare: Int?
    /// A share checked before this store was made (see `LastGoodIndex.Known.checked`).
    private var checkedAhead: (share: Int, damaged: [ExactPath])?
    /// The posting files' folder, to name a posting whose copy is found damaged.
    private let postingsDirectory: URL

    /// The copies are checked a share at a time, each build one share, a build at 10,000
    /// postings reading some 1.2 MB of the pack for it. A prime: builds whose minutes differ by
    /// any period but a multiple of 61 minutes go through every share (with 64, hourly builds
    /// would have gone through 16, daily ones 2).
    package static let shares = 61

    /// The share a copy belongs to, by its path.
    package static func share(of path: ExactPath) -> Int {
        Int(StableHash.of(path.text) % UInt64(shares))
    }

    /// The share a build at `now` checks: the next one each minute.
    package static func share(at now: Timestamp) -> Int {
        Int(UInt64(bitPattern: now.seconds / 60) % UInt64(shares))
    }

    /// Reads the index, unless `known` is what its file holds still (its stamp unchanged).
    package init(config: Config, known: LastGoodIndex.Known? = nil) {
        folder = StateFolder(config).lastGood
        postingsDirectory = config.postingsDirectory
        let path = Self.indexPath(in: folder)
        // Taken before the file is read: a file replaced meanwhile is read again next time.
        indexStamp = FileStamp(path: path)
        if let known, let indexStamp, known.stamp == indexStamp {
            index = known.index
            checkedAhead = known.checked
        } else {
            let folder = folder
            var pack: LastGoodPack?
            // Copies kept before digests are taken as they lie, once.
            let loaded = LastGoodIndex.load(from: path) { generation, entry in
                if pack == nil { pack = LastGoodPack(path: Self.packPath(generation, in: folder)) }
                return pack?.bytes(of: entry).map { ContentDigest.of($0) }
            }
            index = loaded.index
            if loaded.formatOne {
                // Not handed on as known either: the store that builds from it saves it.
                indexStamp = nil
                outdatedFile = true
            } else if loaded.refused {
                // Not handed on as known (see `known`): the store that builds from it reads the
                // file again, and warns.
                indexStamp = nil
                notices.append(.warning("the index of the last good copies is damaged and was set aside: a posting that breaks before its next clean build is left out until it is fixed",
                                         at: SourceLocation(file: DisplayPath.of(path: path))))
            }
        }
    }

    private static func indexPath(in folder: URL) -> String {
        folder.appendingPathComponent(LastGoodIndex.fileName).path
    }

    /// Whether the index's file is gone or was refused (damaged; its stamp is then forgotten):
    /// the copies cannot be found until a build that reads every posting copies them again.
    /// Also true of a file in format 1, which that build saves in the current one.
    package var lostIndex: Bool { indexStamp == nil }

    /// The index and its file's stamp, for the next build in this process to take again.
    package var known: LastGoodIndex.Known? {
        indexStamp.map { LastGoodIndex.Known(index: index, stamp: $0) }
    }

    /// Starts this build's appends, first rewriting the pack if more than half of it is dead.
    /// Compaction needs at most the live copies' size in free space; when it cannot run, the
    /// build goes on with the old pack.
    package mutating func beginAppending() -> LastGoodAppender {
        try? StateFolder.create(folder)
        var next = index
        if next.deadBytes(packSize: packSize(next.generation)) > next.liveBytes {
            compact(&next)
        } else if let checkedShare {
            dropDamagedCopies(&next, share: checkedShare)
        }
        committedPackSize = next.generation == index.generation ? packSize(next.generation) : nil
        return LastGoodAppender(index: next, packPath: packPath(next.generation))
    }

    package mutating func finishAppending(_ appender: LastGoodAppender) {
        guard let result = appender.finish() else {
            warnings.append(.warning("cannot keep last-good copies of the postings read (\(appender.failure ?? "write failed")); this build publishes without them, and a later broken edit of a changed posting has no fallback until there is room",
                                     at: SourceLocation(file: DisplayPath.of(folder))))
            abandonAppended()
            return
        }
        guard result.appended > 0 || result.index.generation != index.generation else { return }
        staged = result.index
    }

    /// Drops what this build appended: it did not publish, so its copies are not last good.
    package mutating func abandonAppended() {
        if let generation = staged?.generation, generation != index.generation { SystemCall.remove(packPath(generation)) }
        if let size = committedPackSize { truncate(packPath(index.generation), off_t(size)) }
        staged = nil
        committedPackSize = nil
    }

    /// Forgets the copies of postings that are gone and saves the index.
    package mutating func save(keeping present: [ExactPath]) {
        var next = staged ?? index
        next.keepOnly(present)
        committedPackSize = nil
        guard staged != nil || next.entries.count != index.entries.count || outdatedFile else { return }
        let path = Self.indexPath(in: folder)
        do {
            try StateFolder.create(folder)
            try OutputWriter.replace(path, with: next.encoded(), mode: StateFolder.fileMode)
        } catch {
            warnings.append(.warning("cannot save the last-good index: \(error.reason); the copies of this build's changed postings are not kept", at: SourceLocation(file: DisplayPath.of(folder))))
            staged = nil
            return
        }
        if next.generation != index.generation { SystemCall.remove(packPath(index.generation)) }
        index = next
        indexStamp = FileStamp(path: path)
        staged = nil
        outdatedFile = false
    }

    package mutating func takeWarnings() -> [Diagnostic] {
        defer { warnings = [] }
        return warnings
    }

    package mutating func takeNotices() -> [Diagnostic] {
        defer { notices = [] }
        return notices
    }

    /// Forgets the copies of one share of the paths whose bytes no longer match their digests,
    /// so that their postings, when they read cleanly in this build, are copied again.
    private mutating func dropDamagedCopies(_ next: inout LastGoodIndex, share: Int) {
        let damaged = checkedAhead.flatMap { $0.share == share ? $0.damaged : nil } ?? damagedCopies(of: next, share: share)
        for path in damaged {
            next.remove(path)
            warnings.append(.warning("the last-good copy of this posting no longer matches what was kept (damaged in the state folder's pack); it is copied again if the posting reads cleanly",
                                     at: SourceLocation(file: DisplayPath.of(path: postingsDirectory.appendingPathComponent(path.text).path))))
        }
    }

    /// The paths of one share whose copies no longer match their digests (or cannot be read).
    package func damagedCopies(share: Int) -> [ExactPath] {
        damagedCopies(of: index, share: share)
    }

    private func damagedCopies(of index: LastGoodIndex, share: Int) -> [ExactPath] {
        let pack = LastGoodPack(path: packPath(index.generation))
        return index.entries.filter { Self.share(of: $0.key) == share && pack.verifiedCopy(of: $0.value) == nil }.keys.sorted()
    }

    /// Copies the live entries into a new pack, leaving the old one for readers of the old index.
    /// A damaged copy is left behind (under a digest of its damaged bytes it would pass for
    /// good): its posting, if it still reads cleanly, is copied again by this build.
    private mutating func compact(_ next: inout LastGoodIndex) {
        let newPack = packPath(next.generation + 1)
        let appender = LastGoodAppender(index: LastGoodIndex(generation: next.generation + 1), packPath: newPack, truncating: true)
        let pack = LastGoodPack(path: packPath(next.generation))
        for (path, entry) in next.entries.sorted(by: { $0.key < $1.key }) {
            if let data = pack.verifiedCopy(of: entry) { appender.append(path.text, data, stamp: entry.stamp, digest: entry.digest) }
        }
        if let compacted = appender.finish() {
            next = compacted.index
        } else {
            SystemCall.remove(newPack)
            warnings.append(.warning("cannot compact the last-good copies (\(appender.failure ?? "write failed")); the build goes on with the old pack", at: SourceLocation(file: DisplayPath.of(folder))))
        }
    }

    private static func packPath(_ generation: Int, in folder: URL) -> String {
        folder.path + "/pack-\(generation)"
    }

    func packPath(_ generation: Int) -> String {
        Self.packPath(generation, in: folder)
    }

    private func packSize(_ generation: Int) -> UInt64 {
        FileStamp(path: packPath(generation)).map { UInt64($0.size) } ?? 0
    }
}
