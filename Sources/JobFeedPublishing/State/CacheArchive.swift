import Foundation
import JobFeedCore
@_spi(Specialized) import JobFeedRendering
import JobFeedSystem
import SystemPackage
import Synchronization

/// The build cache in the state folder (`cache/`), so that a one-shot build (cron) costs what
/// changed: each posting file's reading and each format's part for it, keyed by the file's
/// stamp and what else the bytes depend on, plus what each output held when it was written.
///
/// Bytes live in one append-only pack; an index, replaced atomically when a build publishes,
/// says where. A build appends what it reads and renders anew, and reads the rest back one
/// posting at a time. The index is checked whole (a digest) and each entry's bytes against its
/// own digest: anything damaged is discarded with a warning and rendered again, never trusted.
/// An index made by another jobfeed, config or set of formats is not used at all. A build that
/// does not publish cuts the pack back; a pack that is mostly dead is compacted.
///
/// One archive serves a one-shot build, or a watcher's every rebuild: `begin(room:)` starts
/// each build, `prepareCommit` readies its end on another core while the outputs publish, and
/// `commit` or `abandon` ends it.
package final class CacheArchive: PartArchive, @unchecked Sendable {
    typealias Key = CacheIndex.Key
    typealias Entry = CacheIndex.Entry

    struct Appending {
        /// By posting, as in the index.
        var entries: [PostingKey: ByKind<Entry>] = [:]
        /// The pack's length with everything appended, written or not yet.
        var length: UInt64
        /// Appended bytes not yet written: the pack is written a megabyte at a time, not in
        /// some hundred thousand small writes.
        var pending: [UInt8] = []
        var failure: String?
        var livePaths: [String]?
    }

    package let folder: URL
    let key: UInt64
    /// Changed only between builds (`open`, `commit`, `abandon`) and once a build has rendered
    /// (`prepareCommit` takes its entries away), never while one looks entries up.
    var index: CacheIndex
    private var opened = false
    /// How long the index's log is: past a half of the index file, the index is written whole.
    var logLength = 0
    /// The pack, opened for reading when first needed (the generation it was opened for):
    /// reads at an offset, from every thread, see what was appended through the other handle.
    let reader = Mutex<(generation: Int, file: OpenFile)?>(nil)
    let appending: Mutex<Appending>
    /// Whether this build has appended any entry: until it has (the whole of a cron build's
    /// reading and rendering but for what changed), a lookup need not take the appending lock,
    /// which both cores took for every posting, twice a build.
    let hasAppended = Atomic(false)
    /// The pack's write side, held while a megabyte goes to disk: buffers reach the file in
    /// the order their bytes were given offsets, and the other core appends meanwhile (it
    /// spun in the kernel on the appending lock for 3% of a cold build's CPU while the write
    /// was made under that lock).
    let writing = Mutex(Writing())

    struct Writing {
        var file: OpenFile?
        /// The buffer last written, emptied, to swap for the appended bytes next time.
        var spare: [UInt8] = []
    }
    /// Whether anything read was damaged, and which entries: those are dropped when the build
    /// publishes, so that they are rendered again rather than found damaged again.
    let damaged = Mutex(false)
    /// By `PartKey.source`, what a part carries (see `FormatPart.CachedPlace`).
    let damagedSources = Mutex<Set<UInt64>>([])

    /// The end of the build being prepared on another thread (see `prepareCommit`).
    let preparation = Mutex<BackgroundValue<PreparedCommit>?>(nil)

    /// Whether this archive only reads (`check`, `report`: no lock, nothing written, nothing
    /// cut off or discarded; a build under the lock may be appending meanwhile, past the end
    /// of the index read here).
    let readOnly: Bool

    /// Touches nothing: the index is read, and what a killed build left is cut off, when the
    /// first build begins (under the build lock).
    package init(state: StateFolder, key: UInt64, readOnly: Bool = false) {
        folder = state.cache
        self.key = key
        self.readOnly = readOnly
        index = CacheIndex()
        appending = Mutex(Appending(length: 0))
    }

    /// The index being read ahead by `preloadIndex`, until `open` takes it.
    private let preloaded = Mutex<BackgroundValue<(index: CacheIndex, damaged: Bool)>?>(nil)

    /// Starts reading the index on a thread of its own, for `open` to take: a one-shot build
    /// finds and stats its posting files meanwhile (at 10,000 postings both take about 40 ms).
    /// Reading only: what `open` cuts off or discards, it does itself.
    package func preloadIndex() {
        guard !opened else { return }
        let path = folder.appendingPathComponent(CacheIndex.fileName).path
        let key = key
        preloaded.withLock { $0 = BackgroundValue { CacheIndex.load(from: path, key: key) } }
    }

    /// Returns when the index read ahead is read (a build that found nothing to do leaves no
    /// thread behind).
    package func waitForPreload() {
        preloaded.withLock { $0 }?.wait()
    }

    /// Reads the index the first time it is called (or takes it from `preloadIndex`), and
    /// returns true then; cuts off what a build that did not publish appended, and discards a
    /// damaged or foreign cache.
    package func open() -> Bool {
        guard !opened else { return false }
        opened = true
        let readAhead = preloaded.withLock { loaded in
            defer { loaded = nil }
            return loaded
        }
        // Taken out: replaying the log onto a copy the thread's value shared copied the
        // index's tables whole (1.7 ms of a cron build's one-core start at 10,000 postings).
        var (index, damage) = readAhead?.take() ?? CacheIndex.load(from: folder.appendingPathComponent(CacheIndex.fileName).path, key: key)
        let log = folder.appendingPathComponent(CacheIndexLog.fileName).path
        if !damage, index.fileDigest != 0 { logLength = CacheIndexLog.replay(from: log, onto: &index, following: index.fileDigest) }
        if readOnly {
            // What is damaged is not used; discarding it is a build's job.
            self.index = damage ? CacheIndex() : index
            return true
        }
        // Records after the last whole one belong to a build that was killed while appending.
        if let size = FileStamp(path: log)?.size, size > logLength { truncate(log, off_t(logLength)) }
        let pack = packPath(index.generation)
        if let size = FileStamp(path: pack)?.size, UInt64(size) >= index.packLength {
            // Bytes past the index's end belong to a build that did not publish. Cut only when
            // there are some: ext4 drops the file's cached pages past the size even when it
            // stays the same (2 ms of a cron build's one-core start at 10,000 postings).
            if UInt64(size) > index.packLength { truncate(pack, off_t(index.packLength)) }
        } else if index.packLength > 0 {
            damage = true
        }
        if damage || index.entries.isEmpty {
            // Nothing of a damaged or foreign cache is kept, not even its packs.
            for entry in FolderWalk.entries(of: folder.path) { SystemCall.remove(folder.path + "/" + entry.name) }
            index = CacheIndex()
        }
        self.index = index
        if damage { damaged.withLock { $0 = true } }
        return true
    }

    /// Forgets the index, for the next build to read it again (see `abandon`).
    func forgetIndex() {
        opened = false
        index = CacheIndex()
    }

    /// What each output held when the last build that published wrote it, handed over rather
    /// than shared (see `BuildCache.beginBuild`): `commit` puts the build's back.
    package func takeOutputs() -> [ExactPath: WrittenOutputs.Output] {
        defer { index.outputs = [:] }
        return index.outputs
    }

    /// Starts a build. `room`: how much it may append before a full disk would cost its
    /// outputs the space; nothing is stored while the state folder's file system has less free.
    package func begin(room: UInt64) {
        let failure = readOnly ? Self.readOnlyFailure : SystemCall.freeSpace(folder.deletingLastPathComponent().path) < room ? Self.lowSpace : nil
        restartAppending(at: index.packLength, failure: failure)
    }

    /// The archive for a config: keyed by jobfeed's version and executable, the config and the
    /// formats, any of which changes every byte.
    package static func key(for config: Config) -> UInt64 {
        var hash = StableHash()
        hash.add("cache \(CacheIndex.format) \(Generator.version) \(config.fingerprint)")
        hash.add(OutputFormats.enabled(config).map(\.id).joined(separator: ","))
        if let executable = BuildRecord.executableStamp { hash.add(executable) }
        return hash.value
    }

    /// The free space a build wants before it appends to the cache: enough for outputs of about
    /// six times the postings' size (what a site's outputs come to), with 256 MiB to spare.
    package static func room(for stamps: [FileStamp?]) -> UInt64 {
        let postings = stamps.reduce(UInt64(0)) { total, stamp in total + UInt64(max(0, stamp?.size ?? 0)) }
        return 256 << 20 + 6 * postings
    }

    static let readOnlyFailure = "read only"
    static let lowSpace = "less free space than the outputs may need"

    func packPath(_ generation: Int) -> String {
        folder.path + "/pack-\(generation)"
    }
}
