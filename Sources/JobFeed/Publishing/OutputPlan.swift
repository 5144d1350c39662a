import Foundation

/// The bytes every output file should hold after a build, by absolute path: in memory, or
/// already in a staged file for the large outputs of a build.
struct OutputPlan: Sendable {
    var files: [String: Data] = [:]
    var staged: [String: StagedFile] = [:]
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

    mutating func add(_ output: PendingOutput) {
        if let file = output.file { staged[output.path] = file } else { files[output.path] = output.sink.data }
    }

    func contains(_ path: String) -> Bool {
        files[path] != nil || staged[path] != nil
    }
}

/// An output being rendered: its sink and, when the build writes, the staged file behind it.
struct PendingOutput: Sendable {
    let path: String
    let sink: OutputSink
    let file: StagedFile?

    /// `staging`: write to a temporary file beside the target rather than to memory.
    init(_ url: URL, staging: Bool) throws(DiagnosticError) {
        path = url.standardizedFileURL.path
        guard staging else {
            sink = OutputSink()
            file = nil
            return
        }
        do {
            let file = try StagedFile(target: path)
            self.file = file
            sink = OutputSink(file: file)
        } catch {
            throw DiagnosticError(.error("cannot write the file: \(error.reason); check the folder's permissions and free space",
                                         at: SourceLocation(file: DisplayPath.of(path: path))))
        }
    }
}
