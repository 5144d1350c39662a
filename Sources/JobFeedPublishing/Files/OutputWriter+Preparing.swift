import Foundation
import JobFeedCore
import JobFeedReading
import JobFeedRendering
import JobFeedSystem

extension OutputWriter {
    /// Decides whether a file changes, and if so writes its bytes to a temporary file beside
    /// it, for the write step to rename. Per-posting documents are prepared while the build
    /// renders, so thousands of them need not be held until then; called from one thread at a
    /// time, as two threads creating files in one folder spun on the folder's lock.
    /// `digest`: the document's, when a cache computed it already.
    package func prepare(_ path: String, _ data: Data, digest: UInt64? = nil) -> PreparedFile {
        if let stamp = FileStamp(path: path) {
            if cache?.outputIsCurrent(path, data: data, digest: digest, stamp: stamp) == true { return PreparedFile(.unchanged) }
            if stamp.size == Int64(data.count), !ContentComparison.differs(path, data) {
                cache?.recordOutput(path, data: data)
                return PreparedFile(.unchanged)
            }
        }
        let temporary: String
        do {
            temporary = try Self.writeTemporary(data, beside: path, in: staging.folder(for: path))
        } catch {
            return PreparedFile(.failed(error.reason))
        }
        return PreparedFile(.staged(temporaryPath: temporary, size: data.count, digest: cache.map { _ in digest ?? ContentDigest.of(data) }))
    }
}
