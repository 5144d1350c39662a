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
/// each build, `commit` or `abandon` ends it.
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
    /// Changed only between builds (`open`, `commit`), never while one reads from it.
    var index: CacheIndex
    private var opened = false
    /// How long the index's log is: past a half of the index file, the index is written whole.
    var logLength = 0
    /// The pack, opened for reading when first needed (the generation it was opened for):
    /// reads at an offset, from every thread, see what was appended through the other handle.
    private let reader = Mutex<(generation: Int, file: OpenFile)?>(nil)
    let appending: Mutex<Appending>
    /// Whether this build has appended any entry: until it has (the whole of a cron build's
    /// reading and rendering but for what changed), a lookup need not take the appending lock,
    /// which both cores took for every posting, twice a build.
    private let hasAppended = Atomic(false)
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

    /// What each output held when the last build that published wrote it, handed over rather
    /// than shared (see `BuildCache.beginBuild`): `commit` puts the build's back.
    package func takeOutputs() -> [ExactPath: BuildCache.Output] {
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

    package func parts(_ kinds: [String], of posting: PostingKey, stamp: FileStamp, context: UInt64,
                       needsBytes: (String, FormatPart) -> Bool = { _, _ in true }) -> FormatParts {
        let appended = hasAppended.load(ordering: .acquiring) ? appending.withLock { $0.entries[posting] } : nil
        let indexed = index.entries[posting]
        guard appended != nil || indexed != nil else { return FormatParts() }
        // Room for every kind at once: grown one part at a time, the list was allocated anew
        // three times for each posting.
        var parts = FormatParts(capacity: kinds.count)
        var flushed = false
        for kind in kinds {
            let fresh = appended?[kind: kind]
            guard let entry = fresh ?? indexed?[kind: kind], entry.stamp == stamp, entry.context == context else { continue }
            // Its bytes may still wait, or be on their way to the pack.
            if fresh != nil, !flushed {
                writePending()
                flushed = true
            }
            parts[kind: kind] = part(entry, source: PartKey(posting: posting, kind: kind).source) { needsBytes(kind, $0) }
        }
        return parts
    }

    /// The entry's part: asked with what the index knows, the part that reads its bytes later
    /// is made only when it is left in the cache.
    private func part(_ entry: Entry, source: UInt64, needsBytes: (FormatPart) -> Bool) -> FormatPart? {
        if !needsBytes(FormatPart(describing: entry.digest, length: entry.length, source: source)) {
            return FormatPart(leftInCache: entry.digest, length: entry.length, source: source,
                              place: FormatPart.CachedPlace(archive: self, offset: entry.offset))
        }
        return bytes(at: entry.offset, length: entry.length, digest: entry.digest, source: source).map { FormatPart(data: $0, digest: entry.digest, source: source) }
    }

    package func store(_ part: FormatPart, as key: PartKey, stamp: FileStamp, context: UInt64) {
        guard let data = part.data() else { return }
        let digest = part.digest ?? ContentDigest.of(data)
        let full = appending.withLock { state -> Bool in
            guard state.failure == nil else { return false }
            state.entries[key.posting, default: ByKind()][kind: key.kind] = Entry(stamp: stamp, context: context, offset: state.length, length: data.count, digest: digest)
            hasAppended.store(true, ordering: .releasing)
            state.length += UInt64(data.count)
            state.pending.append(contentsOf: data)
            return state.pending.count >= 1 << 20
        }
        // While a write is under way, the bytes wait for the next one.
        if full { writing.withLockIfAvailable { writePending(&$0) } }
    }

    /// Writes the appended bytes that wait, once any write under way has ended.
    func writePending() {
        writing.withLock { writePending(&$0) }
    }

    /// Takes the bytes that wait and writes them, outside the appending lock. A full disk
    /// costs the next build time, never this one its outputs: what this build appended is
    /// given back at once.
    private func writePending(_ writing: inout Writing) {
        let failed = appending.withLock { state -> Bool in
            swap(&state.pending, &writing.spare)
            return state.failure != nil
        }
        defer { writing.spare.removeAll(keepingCapacity: true) }
        guard !failed, !writing.spare.isEmpty else { return }
        do {
            if writing.file == nil {
                try StateFolder.create(folder)
                writing.file = try OpenFile(packPath(index.generation), .writeOnly, options: [.create, .append],
                                            permissions: FilePermissions(rawValue: StateFolder.fileMode), operation: "write")
            }
            let file = writing.file
            try writing.spare.withUnsafeBytes { bytes in Result { () throws(SystemError) in try file?.writeAll(bytes) } }.get()
        } catch {
            writing.file = nil
            appending.withLock { state in
                state.failure = "\(error)"
                state.pending = []
                state.entries = [:]
            }
            truncate(packPath(index.generation), off_t(index.packLength))
        }
    }

    /// Starts appending anew at `length`, the pack to be opened again (its generation may
    /// have changed); with a `failure`, nothing is appended.
    func restartAppending(at length: UInt64, failure: String? = nil) {
        writing.withLock { $0 = Writing() }
        appending.withLock { appending in
            appending = Appending(length: length, failure: failure)
            hasAppended.store(false, ordering: .releasing)
        }
    }

    package func keepOnly(_ paths: [String]) {
        appending.withLock { $0.livePaths = paths }
    }

    /// An entry's bytes (its stamp and context already matched), checked against its digest;
    /// when they no longer match, noted as damaged by the part's source.
    package func bytes(at offset: UInt64, length: Int, digest: UInt64, source: UInt64) -> Data? {
        guard let file = packReader(), length >= 0, let buffer = malloc(max(length, 1)) else { return nil }
        // Read into memory that is not zeroed first (`Data(count:)` was a third of this).
        let read = try? file.read(at: Int64(offset), into: UnsafeMutableRawBufferPointer(start: buffer, count: length))
        let data = Data(bytesNoCopy: buffer, count: length, deallocator: .free)
        guard read == length, ContentDigest.of(data) == digest else {
            damaged.withLock { $0 = true }
            damagedSources.withLock { _ = $0.insert(source) }
            return nil
        }
        return data
    }

    private func packReader() -> OpenFile? {
        let generation = index.generation
        return reader.withLock { reader in
            if let reader, reader.generation == generation { return reader.file }
            reader = (try? OpenFile(packPath(generation), .readOnly, operation: "read")).map { (generation, $0) }
            return reader?.file
        }
    }

    static let readOnlyFailure = "read only"
    static let lowSpace = "less free space than the outputs may need"

    func packPath(_ generation: Int) -> String {
        folder.path + "/pack-\(generation)"
    }
}
