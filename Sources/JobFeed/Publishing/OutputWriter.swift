import Foundation

/// The bytes every output file should hold after a build.
struct OutputPlan: Sendable {
    var files: [URL: Data] = [:]
    /// Folders owned by jobfeed: a file with this extension below them that the plan does not
    /// hold belongs to a posting that no longer exists, and is removed.
    var ownedFolders: [(folder: URL, pathExtension: String)] = []

    mutating func add(_ url: URL, _ data: Data) {
        files[url.standardizedFileURL] = data
    }
}

/// What writing a plan did.
public struct WriteResult: Sendable, Hashable {
    public var written: [String] = []
    public var unchanged: [String] = []
    public var removed: [String] = []
}

/// Replaces each output file atomically, and only when its bytes change, so that an unchanged
/// file keeps its modification time and a reader never sees a torn file.
struct OutputWriter {
    static let temporaryPrefix = ".jobfeed-tmp-"

    func write(_ plan: OutputPlan) throws(DiagnosticError) -> WriteResult {
        var result = WriteResult()
        for (url, data) in plan.files.sorted(by: { $0.key.path < $1.key.path }) {
            let display = DisplayPath.of(url)
            if FileManager.default.contents(atPath: url.path) == data {
                result.unchanged.append(display)
                continue
            }
            do {
                try replace(url, with: data)
            } catch {
                throw DiagnosticError(.error("cannot write the file: \(error.localizedDescription); check the folder's permissions and free space", at: SourceLocation(file: display)))
            }
            result.written.append(display)
        }
        result.removed = removeStale(plan)
        return result
    }

    /// Writes a temporary file in the same folder, flushes it to disk, then renames it over the target.
    private func replace(_ url: URL, with data: Data) throws {
        let folder = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(Self.temporaryPrefix + UUID().uuidString)
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        var failure: POSIXErrorCode?
        data.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let count = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = POSIXErrorCode(rawValue: errno) ?? .EIO
                    return
                }
                offset += count
            }
        }
        if failure == nil && fsync(descriptor) != 0 { failure = POSIXErrorCode(rawValue: errno) ?? .EIO }
        close(descriptor)
        if failure == nil && rename(temporary.path, url.path) != 0 { failure = POSIXErrorCode(rawValue: errno) ?? .EIO }
        if let failure {
            unlink(temporary.path)
            throw POSIXError(failure)
        }
    }

    private func removeStale(_ plan: OutputPlan) -> [String] {
        var removed: [String] = []
        for (folder, pathExtension) in plan.ownedFolders {
            guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { continue }
            var stale: [URL] = []
            for case let url as URL in walker {
                let isLeftover = url.lastPathComponent.hasPrefix(Self.temporaryPrefix)
                if isLeftover || (url.pathExtension == pathExtension && plan.files[url.standardizedFileURL] == nil) {
                    stale.append(url)
                }
            }
            for url in stale.sorted(by: { $0.path < $1.path }) where (try? FileManager.default.removeItem(at: url)) != nil {
                removed.append(DisplayPath.of(url))
            }
            removeEmptyFolders(below: folder)
        }
        return removed
    }

    private func removeEmptyFolders(below folder: URL) {
        let children = (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: [.isDirectoryKey])) ?? []
        for child in children where (try? child.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true {
            removeEmptyFolders(below: child)
            if (try? FileManager.default.contentsOfDirectory(atPath: child.path))?.isEmpty == true {
                try? FileManager.default.removeItem(at: child)
            }
        }
    }
}
