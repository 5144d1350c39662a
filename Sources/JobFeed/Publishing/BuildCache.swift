import Foundation
import Synchronization

/// What identifies a file's version without reading it: size, modification time and inode.
/// An editor's save-by-rename gives a new inode, so even a same-second, same-size edit shows.
public struct FileStamp: Sendable, Hashable {
    var size: Int64
    var modifiedSeconds: Int
    var modifiedNanoseconds: Int
    var inode: UInt64

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

    private let reads = Mutex<[String: Read]>([:])
    private let bodies = Mutex<[String: Body]>([:])

    public init() {}

    func read(_ path: String, stamp: FileStamp) -> PostingReader.Outcome? {
        reads.withLock { $0[path].flatMap { $0.stamp == stamp ? $0.outcome : nil } }
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

    /// Forgets files that are gone.
    func keepOnly(_ paths: Set<String>) {
        reads.withLock { $0 = $0.filter { paths.contains($0.key) } }
        bodies.withLock { $0 = $0.filter { paths.contains($0.key) } }
    }

    /// Forgets everything (a new config changes how every file reads).
    func clear() {
        reads.withLock { $0 = [:] }
        bodies.withLock { $0 = [:] }
    }
}
