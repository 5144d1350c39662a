import Foundation
import Synchronization

/// What identifies a file's version without reading it: size, modification time and inode.
/// An editor's save-by-rename gives a new inode, so even a same-second, same-size edit shows.
public struct FileStamp: Sendable, Hashable {
    var size: Int64
    var modifiedSeconds: Int
    var modifiedNanoseconds: Int
    var inode: UInt64

    init(size: Int64, modifiedSeconds: Int, modifiedNanoseconds: Int, inode: UInt64) {
        self.size = size
        self.modifiedSeconds = modifiedSeconds
        self.modifiedNanoseconds = modifiedNanoseconds
        self.inode = inode
    }

    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        size = Int64(info.st_size)
        modifiedSeconds = info.st_mtim.tv_sec
        modifiedNanoseconds = info.st_mtim.tv_nsec
        inode = UInt64(info.st_ino)
    }
}

/// Parsed postings and rendered bodies kept between builds of a long-running process (the
/// watcher), so a rebuild re-reads and re-renders only the files whose stamp changed.
public final class BuildCache: Sendable {
    struct Read: Sendable {
        var stamp: FileStamp
        var outcome: PostingReader.Outcome
    }

    struct Body: Sendable {
        var stamp: FileStamp
        var url: String
        var body: RenderedBody
    }

    struct Document: Sendable {
        var stamp: FileStamp
        var url: String
        var data: Data
        var digest: UInt64
    }

    struct Output: Sendable {
        var stamp: FileStamp
        var size: Int
        var digest: UInt64
    }

    private let reads = Mutex<[String: Read]>([:])
    private let bodies = Mutex<[String: Body]>([:])
    private let documents = Mutex<[String: Document]>([:])
    private let outputs = Mutex<[String: Output]>([:])
    private let csvRows = Mutex<[String: (stamp: FileStamp, line: String)]>([:])
    private let feedItems = Mutex<[String: FeedItem]>([:])
    private let knownPaths = Mutex<Set<String>>([])
    private let fingerprints = Mutex<[String: (fingerprint: UInt64, stamp: FileStamp)]>([:])

    struct FeedItem: Sendable {
        var stamp: FileStamp
        /// What else the item's bytes depend on: its URL and its translations' links.
        var context: String
        var bytes: Data
    }

    public init() {}

    func read(_ path: String, stamp: FileStamp) -> PostingReader.Outcome? {
        reads.withLock { $0[path].flatMap { $0.stamp == stamp ? $0.outcome : nil } }
    }

    /// Whether the last build already read the file as it is now (or knew it was gone): a late
    /// event for it changes nothing.
    func hasRead(_ path: String) -> Bool {
        let stamp = FileStamp(path: path)
        return reads.withLock { reads in
            guard let stamp else { return reads[path] == nil }
            return reads[path]?.stamp == stamp
        }
    }

    func store(_ outcome: PostingReader.Outcome, for path: String, stamp: FileStamp) {
        reads.withLock { $0[path] = Read(stamp: stamp, outcome: outcome) }
    }

    func body(_ path: String, stamp: FileStamp, url: String) -> RenderedBody? {
        bodies.withLock { $0[path].flatMap { $0.stamp == stamp && $0.url == url ? $0.body : nil } }
    }

    func store(_ body: RenderedBody, for path: String, stamp: FileStamp, url: String) {
        bodies.withLock { $0[path] = Body(stamp: stamp, url: url, body: body) }
    }

    /// A JSON-LD document and its digest, computed once when it was stored.
    func document(_ path: String, stamp: FileStamp, url: String) -> (data: Data, digest: UInt64)? {
        documents.withLock { $0[path].flatMap { $0.stamp == stamp && $0.url == url ? ($0.data, $0.digest) : nil } }
    }

    @discardableResult
    func store(document data: Data, for path: String, stamp: FileStamp, url: String) -> UInt64 {
        let digest = ContentDigest.of(data)
        documents.withLock { $0[path] = Document(stamp: stamp, url: url, data: data, digest: digest) }
        return digest
    }

    func csvRow(_ key: String, stamp: FileStamp) -> String? {
        csvRows.withLock { $0[key].flatMap { $0.stamp == stamp ? $0.line : nil } }
    }

    func store(csvRow line: String, for key: String, stamp: FileStamp) {
        csvRows.withLock { $0[key] = (stamp, line) }
    }

    /// A feed item's bytes as an earlier build wrote them, keyed by posting path and format.
    func feedItem(_ key: String, stamp: FileStamp, context: String) -> Data? {
        feedItems.withLock { $0[key].flatMap { $0.stamp == stamp && $0.context == context ? $0.bytes : nil } }
    }

    func store(feedItem bytes: Data, for key: String, stamp: FileStamp, context: String) {
        feedItems.withLock { $0[key] = FeedItem(stamp: stamp, context: context, bytes: bytes) }
    }

    /// True when the output file is still exactly what this process last wrote there and the
    /// new bytes are the same: then it need not even be read back.
    /// `stamp`: the file's, when the caller has just taken it.
    func outputIsCurrent(_ path: String, data: Data, digest: UInt64? = nil, stamp: FileStamp? = nil) -> Bool {
        guard let known = outputs.withLock({ $0[path] }), known.size == data.count,
              let stamp = stamp ?? FileStamp(path: path), stamp == known.stamp else { return false }
        return known.digest == (digest ?? ContentDigest.of(data))
    }

    func recordOutput(_ path: String, data: Data) {
        recordOutput(path, size: data.count, digest: ContentDigest.of(data))
    }

    func recordOutput(_ path: String, size: Int, digest: UInt64) {
        guard let stamp = FileStamp(path: path) else { return }
        outputs.withLock { $0[path] = Output(stamp: stamp, size: size, digest: digest) }
    }

    /// True when the output was made from the same inputs and is still as it was written.
    func outputIsCurrent(_ path: String, fingerprint: UInt64) -> Bool {
        guard let known = fingerprints.withLock({ $0[path] }), known.fingerprint == fingerprint else { return false }
        return FileStamp(path: path) == known.stamp
    }

    func recordOutput(_ path: String, fingerprint: UInt64) {
        guard let stamp = FileStamp(path: path) else { return }
        fingerprints.withLock { $0[path] = (fingerprint, stamp) }
    }

    /// Forgets posting files that are gone.
    func keepOnly(_ paths: Set<String>) {
        // Most rebuilds see the same files: then there is nothing to filter.
        guard knownPaths.withLock({ known in
            defer { known = paths }
            return known != paths
        }) else { return }
        reads.withLock { $0 = $0.filter { paths.contains($0.key) } }
        bodies.withLock { $0 = $0.filter { paths.contains($0.key) } }
        documents.withLock { $0 = $0.filter { paths.contains($0.key) } }
        csvRows.withLock { $0 = $0.filter { paths.contains(String($0.key.prefix { $0 != "\u{0}" })) } }
        feedItems.withLock { $0 = $0.filter { paths.contains(String($0.key.prefix { $0 != "\u{0}" })) } }
    }

    /// Forgets everything derived from postings (a new config changes how every file reads).
    func clear() {
        reads.withLock { $0 = [:] }
        bodies.withLock { $0 = [:] }
        documents.withLock { $0 = [:] }
        csvRows.withLock { $0 = [:] }
        feedItems.withLock { $0 = [:] }
        fingerprints.withLock { $0 = [:] }
    }
}
