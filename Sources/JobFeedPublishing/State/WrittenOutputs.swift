import Foundation
import JobFeedCore
import JobFeedSystem
import Synchronization

/// What each output file held when it was last written or found unchanged, by this process or
/// by the last build that published (the build cache's index keeps the table between
/// processes): a file still at its recorded stamp, to be written with bytes of the recorded
/// digest, need not even be read back. By exact path (see `ExactPath`): per-posting documents
/// whose slugs read alike are two.
package final class WrittenOutputs: Sendable {
    package struct Output: Sendable, Equatable {
        package var stamp: FileStamp
        package var size: Int
        package var digest: UInt64
    }

    private let table = Mutex<[ExactPath: Output]>([:])
    /// The outputs recorded since the archive last kept them, for it to log just those.
    private let changed = Mutex<Set<ExactPath>>([])

    package init() {}

    /// Every output as recorded, for the archive to keep.
    package var all: [ExactPath: Output] {
        get { table.withLock { $0 } }
        set { table.withLock { $0 = newValue } }
    }

    /// True when the output file is still exactly what was recorded there and the new bytes
    /// are the same. `stamp`: the file's, when the caller has just taken it.
    package func isCurrent(_ path: String, data: Data, digest: UInt64? = nil, stamp: FileStamp? = nil) -> Bool {
        guard let known = table.withLock({ $0[ExactPath(path)] }), known.size == data.count,
              let stamp = stamp ?? FileStamp(path: path), stamp == known.stamp else { return false }
        return known.digest == (digest ?? ContentDigest.of(data))
    }

    package func record(_ path: String, data: Data) {
        record(path, size: data.count, digest: ContentDigest.of(data))
    }

    package func record(_ path: String, size: Int, digest: UInt64) {
        guard let stamp = FileStamp(path: path) else { return }
        record([(ExactPath(path), Output(stamp: stamp, size: size, digest: digest))])
    }

    /// `record` for each file, stat'ed as the build record's outputs are (`Parallel.stamps`):
    /// a site's first build records every per-posting document at its serial end.
    package func record(_ files: [(path: String, size: Int, digest: UInt64)]) {
        let stamps = Parallel.stamps(of: files.map(\.path)) { $0.stamp(of: $1) }
        record(zip(files, stamps).compactMap { file, stamp in
            stamp.map { (ExactPath(file.path), Output(stamp: $0, size: file.size, digest: file.digest)) }
        })
    }

    private func record(_ recorded: [(path: ExactPath, output: Output)]) {
        table.withLock { table in
            for (path, output) in recorded { table[path] = output }
        }
        changed.withLock { changed in
            for (path, _) in recorded { changed.insert(path) }
        }
    }

    /// Forgets which outputs were recorded since this was last asked (the index that keeps
    /// them is written whole).
    package func forgetChanged() {
        changed.withLock { $0 = [] }
    }

    /// The outputs recorded since this was last asked, as recorded, in path order.
    package func takeChanged() -> [(ExactPath, Output)] {
        let changedPaths = changed.withLock { changed in
            defer { changed = [] }
            return changed
        }
        let recorded = all
        return changedPaths.sorted().compactMap { path in recorded[path].map { (path, $0) } }
    }
}
