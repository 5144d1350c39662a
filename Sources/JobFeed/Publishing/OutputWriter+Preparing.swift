import Foundation

extension OutputWriter {
    /// Decides, while the build renders, whether a per-posting file changes, and if so writes
    /// its bytes to a temporary file beside it: thousands of documents need not be held until
    /// the write step, which then only renames.
    /// `digest`: the document's, when a cache computed it already.
    func prepare(_ path: String, _ data: Data, digest: UInt64? = nil) -> PreparedFile {
        if let stamp = FileStamp(path: path) {
            if cache?.outputIsCurrent(path, data: data, digest: digest, stamp: stamp) == true { return PreparedFile(.unchanged) }
            if stamp.size == Int64(data.count), FileManager.default.contents(atPath: path) == data {
                cache?.recordOutput(path, data: data)
                return PreparedFile(.unchanged)
            }
        }
        let folder = (path as NSString).deletingLastPathComponent
        let temporary = StagedFile.temporaryPath(in: folder)
        var descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        if descriptor < 0 && errno == ENOENT {
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        }
        guard descriptor >= 0 else { return PreparedFile(.failed(String(cString: strerror(errno)))) }
        let written = FileDescriptor.writeAll(descriptor, data)
        let failure = errno
        close(descriptor)
        guard written else {
            unlink(temporary)
            return PreparedFile(.failed(String(cString: strerror(failure))))
        }
        return PreparedFile(.staged(temporaryPath: temporary, size: data.count, digest: cache.map { _ in digest ?? ContentDigest.of(data) }))
    }
}
