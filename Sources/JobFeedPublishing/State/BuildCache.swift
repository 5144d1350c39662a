import Foundation
import JobFeedCore
import JobFeedReading
@_spi(Specialized) import JobFeedRendering
import JobFeedSystem
import Synchronization

/// What builds keep between them, so that a rebuild re-reads and re-renders only the files
/// whose stamp changed: each file's reading, what rendering made of it (`rendered`), and what
/// each output file held when it was written.
///
/// Over the state folder's build cache (`CacheArchive`), which one-shot builds and the watcher
/// use alike, parts live on disk and come back one posting at a time, so memory stays that of
/// the postings and a chunk of their bytes; readings are kept in memory too (not by a one-shot
/// build: `keepsReadings`), so that a watcher's rebuild decodes only what changed. Without it
/// (`init()`), everything is kept in memory for the process's life.
public final class BuildCache: Sendable {
    package struct Read: Sendable {
        package var stamp: FileStamp
        package var outcome: PostingReader.Outcome
        /// The digest of the bytes read, when they were read from the file (not from the archive).
        package var digest: UInt64?
    }

    private let reads = Mutex<[String: Read]>([:])
    /// Whether readings are kept in memory for the next build in this process: a one-shot
    /// build has none, and storing 10,000 of them under a lock shared by both cores was a
    /// tenth of its reading.
    private let keepsReadings: Bool
    /// What each output held when it was written.
    package let written = WrittenOutputs()
    private let knownPaths = Mutex<[String]>([])
    private let lastDiscovered = Mutex<DiscoveredPostings?>(nil)
    private let knownLastGood = Mutex<LastGoodIndex.Known?>(nil)
    /// Bodies, formats' parts and feeds' fingerprints.
    package let rendered: RenderCache
    package let archive: CacheArchive?
    /// Where each output's parts lie in its published file (over an archive; only builds,
    /// under the lock, write them).
    package let layouts: OutputLayouts?

    /// The archive's kinds for a file's reading, and for its posting's Markdown body, kept
    /// apart (see `BodyText`).
    private static let readingKind = "reading"
    private static let bodyKind = "reading body"
    private static let readingKinds = [readingKind, bodyKind]

    public convenience init() {
        self.init(archive: nil)
    }

    /// A cache over the build cache in the config's state folder, which builds read from and
    /// add to (for a long-running process: the watcher).
    public convenience init(persistingIn config: Config) {
        self.init(persistingIn: config, keepsReadings: true)
    }

    /// The same; without `keepsReadings`, for one build and no other in this process (a
    /// one-shot `build`).
    package convenience init(persistingIn config: Config, keepsReadings: Bool) {
        self.init(archive: CacheArchive(state: StateFolder(config), key: CacheArchive.key(for: config)), keepsReadings: keepsReadings)
    }

    /// A cache that reads the build cache in the config's state folder and adds nothing to it
    /// (`check`, `report`, which take no lock).
    package convenience init(readingFrom config: Config) {
        self.init(archive: CacheArchive(state: StateFolder(config), key: CacheArchive.key(for: config), readOnly: true))
    }

    package init(archive: CacheArchive?, keepsReadings: Bool = true) {
        self.archive = archive
        self.keepsReadings = keepsReadings
        layouts = archive.map { OutputLayouts(folder: $0.folder.appendingPathComponent(OutputLayouts.folderName)) }
        rendered = RenderCache(archive: archive)
    }

    /// The last-good index as the last build in this process left it: a watcher's rebuild
    /// takes it again while its file keeps that stamp, rather than reading and parsing every
    /// posting's entry on the one core that starts the rebuild (4 ms at 10,000 postings).
    package var lastGoodIndex: LastGoodIndex.Known? {
        get { knownLastGood.withLock { $0 } }
        set { knownLastGood.withLock { $0 = newValue } }
    }

    /// Starts a build over the archive (see `CacheArchive.begin`); the first one reads what
    /// the last build that published wrote to each output and made each feed from.
    package func beginBuild(room: UInt64) {
        guard let archive else { return }
        if archive.open() {
            // Taken from the index rather than shared with it: the first output recorded
            // would copy a shared table (7,420 entries at 10,000 postings, in a cron build's
            // serial end). The archive logs what changed (`WrittenOutputs.takeChanged`), and takes the
            // table back when it commits.
            written.all = archive.takeOutputs()
            rendered.outputFingerprints = archive.index.fingerprints
        }
        archive.begin(room: room)
    }

    /// The file's reading, when the cache holds it for this stamp. From the archive, its
    /// posting comes back without its body's bytes: those are read when the body is rendered,
    /// from the archive or, should they no longer read back intact, by what `rereading` makes
    /// (the file parsed again while its stamp is still this one), made only for a reading
    /// taken from the archive (a watcher's rebuild finds all but the changed ones in memory).
    package func read(_ path: String, stamp: FileStamp, rereading: () -> @Sendable () -> [UInt8]?) -> PostingReader.Outcome? {
        // The outcome alone copied out, for the same stamp only: the whole reading copied out
        // and then its outcome retained each field twice, 10,000 times a watcher's rebuild.
        if keepsReadings, let known = reads.withLock({ reads in reads[path].flatMap { $0.stamp == stamp ? $0.outcome : nil } }) { return known }
        guard let archive else { return nil }
        // The posting is looked up once for both; the body's bytes are left in the archive.
        let posting = PostingKey(path: path)
        let parts = archive.parts(Self.readingKinds, of: posting, stamp: stamp, context: 0) { kind, _ in kind == Self.readingKind }
        guard let data = parts[kind: Self.readingKind]?.data() else { return nil }
        let reread = rereading()
        // Looked up when needed, in the index as it is then: a watcher keeps the reading past
        // a compaction, which moves the body's bytes.
        let body = BodyText(deferred: {
            archive.parts([Self.bodyKind], of: posting, stamp: stamp, context: 0)[kind: Self.bodyKind]?.data().map { [UInt8]($0) } ?? reread()
        })
        guard let outcome = try? PostingReader.Outcome.read(from: data, body: body) else { return nil }
        // A body the archive no longer holds (dropped as damaged) is read with its file afresh.
        if outcome.posting != nil, parts[kind: Self.bodyKind] == nil { return nil }
        if keepsReadings { reads.withLock { $0[path] = Read(stamp: stamp, outcome: outcome) } }
        return outcome
    }

    /// The posting files the last build that ran to its end found, and their stamps.
    package var discovered: DiscoveredPostings? {
        get { lastDiscovered.withLock { $0 } }
        set { lastDiscovered.withLock { $0 = newValue } }
    }

    /// `bytes`: what was read, whose digest a kept reading holds (see `holdsWhatWasRead`);
    /// that digest is returned, for the last-good copy of the same bytes.
    @discardableResult
    package func store(_ outcome: PostingReader.Outcome, for path: String, stamp: FileStamp, bytes: Data? = nil) -> UInt64? {
        // A file that vanished while being read has nothing worth keeping on disk.
        if let archive, !outcome.vanished {
            // The path hashed once for both kinds.
            let posting = PostingKey(path: path)
            archive.store(FormatPart(data: outcome.bytes()), as: PartKey(posting: posting, kind: Self.readingKind), stamp: stamp, context: 0)
            if let body = outcome.posting?.bodyText {
                archive.store(FormatPart(data: body.withUTF8 { Data($0) }), as: PartKey(posting: posting, kind: Self.bodyKind), stamp: stamp, context: 0)
            }
        }
        guard keepsReadings else { return nil }
        let digest = bytes.map(ContentDigest.of)
        reads.withLock { $0[path] = Read(stamp: stamp, outcome: outcome, digest: digest) }
        return digest
    }

    /// Whether the file holds, byte for byte, what was last read from it (or is gone, as it was
    /// when last looked for): what a watcher asks of a file that changed after its rebuild
    /// began, so that a late event of a burst it read whole changes nothing. By its bytes, not its
    /// stamp: a file written twice within one tick of the kernel's clock keeps its size and
    /// time, and a read between the writes saw neither version whole.
    package func holdsWhatWasRead(_ path: String) -> Bool {
        let known = reads.withLock { $0[path] }
        do {
            let bytes = try OpenFile.contents(of: path)
            return known?.digest == ContentDigest.of(bytes)
        } catch {
            return error.code == ENOENT && known == nil
        }
    }

    /// The outputs' stamps as last recorded, by this build or the one before it, when the file
    /// was written or found unchanged: every output whose bytes the cache knows, and each feed
    /// whose inputs it knows.
    /// Looked up in the tables as they are: a table of them made for the build record copied
    /// 7,420 entries in a cron build's serial end at 10,000 postings.
    package var outputStamps: @Sendable (ExactPath) -> FileStamp? {
        let recorded = written.all
        let feeds = rendered.outputFingerprints
        return { path in feeds[path.text]?.stamp ?? recorded[path]?.stamp }
    }

    /// Forgets posting files that are gone: `paths` are the files found, in the order found.
    package func keepOnly(_ paths: [String]) {
        // Most rebuilds see the same files, listed in the same order: then there is nothing to
        // filter. Compared as lists, the same strings compare by their storage; a set of
        // 10,000 paths made and compared was hashed twice in each of a watcher's rebuilds.
        guard knownPaths.withLock({ known in
            defer { known = paths }
            return known != paths
        }) else { return }
        // Only what is gone is removed: a one-shot build read nothing else, and filtering made
        // every reading's entry again.
        reads.withLock { reads in
            guard !reads.isEmpty else { return }
            let found = Set(paths)
            for path in reads.keys.filter({ !found.contains($0) }) { reads.removeValue(forKey: path) }
        }
        rendered.keepOnly(paths)
    }
}
