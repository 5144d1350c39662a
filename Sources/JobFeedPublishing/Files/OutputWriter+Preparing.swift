import Foundation
import JobFeedCore
import JobFeedReading
import JobFeedRendering
import JobFeedSystem

extension OutputWriter {
    /// Decides whether a file changes, and if so writes its bytes to a temporary file beside
    /// it, for the write step to rename (or, in a folder that is new, to the folder's staged
    /// copy, under its own name, for the write step to rename the folder). Per-posting
    /// documents are prepared while the build renders, so thousands of them need not be held
    /// until then; called from one thread at a time, as two threads creating files in one
    /// folder spun on the folder's lock.
    /// `digest`: the document's, when a cache computed it already.
    package func prepare(_ path: String, _ data: Data, digest: UInt64? = nil) -> PreparedFile {
        if let stamp = FileStamp(path: path) {
            if cache?.written.isCurrent(path, data: data, digest: digest, stamp: stamp) == true { return PreparedFile(.unchanged) }
            if stamp.size == Int64(data.count), !ContentComparison.differs(path, data) {
                cache?.written.record(path, data: data)
                return PreparedFile(.unchanged)
            }
        }
        let temporary: String
        do {
            if let inNewFolder = staging.pathInNewFolder(for: path) {
                try Self.writeNew(data, at: inNewFolder, for: path)
                temporary = inNewFolder
            } else {
                temporary = try Self.writeTemporary(data, beside: path, in: staging.folder(for: path))
            }
        } catch {
            return PreparedFile(.failed(error.reason))
        }
        return PreparedFile(.staged(temporaryPath: temporary, size: data.count, digest: cache.map { _ in digest ?? ContentDigest.of(data) }))
    }
}
