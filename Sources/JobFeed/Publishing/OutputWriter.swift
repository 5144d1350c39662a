import Foundation

/// The bytes every output file should hold after a build, by absolute path.
struct OutputPlan: Sendable {
    var files: [String: Data] = [:]
    /// Folders owned by jobfeed: a file with this extension below them that the plan does not
    /// hold belongs to a posting that no longer exists, and is removed.
    var ownedFolders: [(folder: URL, pathExtension: String)] = []

    mutating func add(_ url: URL, _ data: Data) {
        files[url.standardizedFileURL.path] = data
    }

    /// For a path already absolute and standardized (per-posting files, thousands of them).
    mutating func add(path: String, _ data: Data) {
        files[path] = data
    }
}

/// What writing a plan did.
public struct WriteResult: Sendable, Hashable {
    public var written: [String] = []
    public var unchanged: [String] = []
    public var removed: [String] = []
    /// Every output file the build holds, as absolute paths, sorted (for the build record).
    var paths: [String] = []
}

/// Replaces each output file atomically, and only when its bytes change, so that an unchanged
/// file keeps its modification time and a reader never sees a torn file.
///
/// Files are renamed into place without an fsync each, which cost 4.5 s for 7,000 files here:
/// readers and a killed jobfeed never see a torn file either way, and on power loss ext4 and
/// XFS flush a file renamed over an existing one before the rename (auto_da_alloc).
struct OutputWriter {
    static let temporaryPrefix = ".jobfeed-tmp-"
    var cache: BuildCache?

    enum Outcome: Sendable {
        case written
        case unchanged
        case failed(String)
    }

    func write(_ plan: OutputPlan) throws(DiagnosticError) -> WriteResult {
        let files = plan.files.sorted { $0.key < $1.key }
        let folders = Set(files.map { ($0.key as NSString).deletingLastPathComponent })
        for folder in folders.sorted() {
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        let cache = cache
        let outcomes = Parallel.map(files) { path, data in
            if cache?.outputIsCurrent(path, data: data) == true { return Outcome.unchanged }
            let outcome = Self.update(path, with: data)
            cache?.recordOutput(path, data: data)
            return outcome
        }
        var result = WriteResult()
        result.paths = files.map(\.key)
        for ((path, _), outcome) in zip(files, outcomes) {
            switch outcome {
            case .written: result.written.append(DisplayPath.of(path: path))
            case .unchanged: result.unchanged.append(DisplayPath.of(path: path))
            case let .failed(reason):
                throw DiagnosticError(.error("cannot write the file: \(reason); check the folder's permissions and free space", at: SourceLocation(file: DisplayPath.of(path: path))))
            }
        }
        result.removed = removeStale(plan)
        return result
    }

    private static func update(_ path: String, with data: Data) -> Outcome {
        if FileManager.default.contents(atPath: path) == data { return .unchanged }
        if let failure = replace(path, with: data) { return .failed(failure) }
        return .written
    }

    /// Writes a temporary file in the same folder, then renames it over the target.
    static func replace(_ path: String, with data: Data) -> String? {
        let folder = (path as NSString).deletingLastPathComponent
        let temporary = folder + "/" + temporaryPrefix + UUID().uuidString
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return String(cString: strerror(errno)) }
        var failure: Int32 = 0
        data.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let count = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += count
            }
        }
        close(descriptor)
        if failure == 0 && rename(temporary, path) != 0 { failure = errno }
        guard failure != 0 else { return nil }
        unlink(temporary)
        return String(cString: strerror(failure))
    }

    private func removeStale(_ plan: OutputPlan) -> [String] {
        var removed: [String] = []
        for (folder, pathExtension) in plan.ownedFolders {
            let root = folder.standardizedFileURL.path
            guard let walker = FileManager.default.enumerator(atPath: root) else { continue }
            var stale: [String] = []
            while let relative = walker.nextObject() as? String {
                let path = root + "/" + relative
                let name = (relative as NSString).lastPathComponent
                let isLeftover = name.hasPrefix(Self.temporaryPrefix)
                if isLeftover || ((name as NSString).pathExtension == pathExtension && plan.files[path] == nil) {
                    stale.append(path)
                }
            }
            for path in stale.sorted() where (try? FileManager.default.removeItem(atPath: path)) != nil {
                removed.append(DisplayPath.of(path: path))
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
