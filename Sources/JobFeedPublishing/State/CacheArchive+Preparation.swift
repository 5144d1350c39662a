import Foundation
import JobFeedCore
@_spi(Specialized) import JobFeedRendering
import JobFeedSystem

/// The part of ending a build with the cache that needs no output published, done on the
/// other core while the outputs publish: merging this build's entries into the index, dropping
/// the gone postings', and encoding the index's entries when it is to be written whole. Only
/// what the publication decides (the outputs as written, keeping or cutting off) is left to
/// `commit` and `abandon`: at 50,000 postings, a cold build's serial end spent 300 ms in
/// `commit` after the 560 ms of publishing.
extension CacheArchive {
    /// The index as the build leaves it, and how it is to be saved.
    struct PreparedCommit: Sendable {
        var index: CacheIndex
        var appended: Appending
        var change: CacheIndexLog.Change
        /// Whether the change may be logged: the index was written whole before and its log is
        /// short.
        var logs: Bool
        /// Whether the pack is more than half dead, to be compacted (which writes it whole).
        var compacts: Bool
        /// The index's bytes up to its outputs, when it is written whole and not compacted.
        var encodedEntries: ByteWriter?

        var savesWhole: Bool { !logs || compacts }
    }

    /// Starts the preparation: call once the outputs are rendered (nothing more is appended
    /// or looked up), before any is published. Until `commit` or `abandon` takes it back, the
    /// index holds no entry; the pack's bytes read meanwhile are found by their offsets alone.
    package func prepareCommit() {
        guard !readOnly, preparation.withLock({ $0 == nil }) else { return }
        let started = BackgroundValue(handing: takeEntries(), preparationWork())
        preparation.withLock { $0 = started }
    }

    /// The preparation started by `prepareCommit`, or made now when none was.
    func takePreparation() -> PreparedCommit {
        takeStarted() ?? preparationWork()(takeEntries())
    }

    /// The preparation `prepareCommit` started, once it has ended; nil when none was.
    func takeStarted() -> PreparedCommit? {
        preparation.withLock { started in
            defer { started = nil }
            return started
        }?.take()
    }

    /// The index, its only copy, to change in place: this one keeps the rest (the pack's
    /// generation, by which its bytes are read, and its length before this build), and no entry.
    private func takeEntries() -> CacheIndex {
        let taken = index
        index.entries = [:]
        return taken
    }

    /// The preparation of the index, with what it works from taken now, on the calling thread:
    /// the pack's waiting bytes written, the entries appended, the log's length.
    private func preparationWork() -> @Sendable (consuming CacheIndex) -> PreparedCommit {
        writePending()
        let appended = appending.withLock { $0 }
        let (logLength, key) = (logLength, key)
        return { index in Self.prepared(index, appended: appended, logLength: logLength, key: key) }
    }

    /// Damaged entries are left to `commit`, which knows all of them once the outputs are
    /// written (a part left in the cache is read back only then).
    private static func prepared(_ index: consuming CacheIndex, appended state: Appending, logLength: Int, key: UInt64) -> PreparedCommit {
        let logs = index.fileDigest != 0 && logLength <= max(1 << 20, index.fileSize / 2)
        var change = CacheIndexLog.Change(packLength: state.length)
        guard state.failure == nil else {
            return PreparedCommit(index: index, appended: state, change: change, logs: logs, compacts: false)
        }
        for (posting, kinds) in state.entries {
            // One lookup for all of the posting's kinds, its entry changed in place.
            index.entries[posting, default: ByKind()].merge(kinds)
            // The log's record, only when there is to be one (50,000 postings' keys otherwise).
            if logs { change.entries += kinds.pairs.map { (Key(posting: posting, kind: $0.kind), $0.value) } }
        }
        if let live = state.livePaths {
            // Matched by the paths' hashes, taken when the keys were made: hashing and comparing
            // 100,000 keys' paths took 20 ms of a cron build's last, serial stretch at 10,000
            // postings. A dead path whose hash met a live one's would only keep its entries,
            // which are never used without their file's stamp.
            let liveHashes = Set(live.map(PostingKey.hash(ofPath:)))
            let dead = index.entries.keys.filter { !liveHashes.contains($0.pathHash) }
            for posting in dead {
                guard let kinds = index.entries.removeValue(forKey: posting) else { continue }
                change.removedEntries += kinds.pairs.map { Key(posting: posting, kind: $0.kind) }
            }
        }
        index.packLength = state.length
        let compacts = index.isMostlyDead
        let encodedEntries = !logs && !compacts ? index.encodedEntries(key: key) : nil
        return PreparedCommit(index: index, appended: state, change: change, logs: logs, compacts: compacts, encodedEntries: encodedEntries)
    }
}
