import Foundation

/// The bytes every output file should hold after a build, by absolute path: in memory, or
/// already in a staged file for the large outputs of a build.
struct OutputPlan: Sendable {
    var files: [String: Data] = [:]
    var staged: [String: StagedFile] = [:]
    /// Per-posting files already compared with what is on disk, and staged when they change.
    var prepared: [String: PreparedFile] = [:]
    /// Outputs known unchanged without rendering them (a watcher's unchanged feeds).
    var kept: Set<String> = []
    /// What each rendered feed was made from, for a long-running process's cache.
    var fingerprints: [String: UInt64] = [:]
    /// Files of formats the site turned off, removed if they are there.
    var retired: [String] = []
    /// Folders owned by jobfeed: a file with this extension below them that the plan does not
    /// hold belongs to a posting that no longer exists, and is removed.
    var ownedFolders: [(folder: URL, pathExtension: String)] = []

    mutating func add(_ url: URL, _ data: Data) {
        files[url.standardizedFileURL.path] = data
    }

    mutating func add(_ output: PendingOutput) {
        if let file = output.file { staged[output.path] = file } else { files[output.path] = output.sink.data }
    }

    mutating func add(_ path: String, _ file: PlannedFile) {
        switch file {
        case let .inMemory(data): files[path] = data
        case let .prepared(prepared): self.prepared[path] = prepared
        }
    }

    func contains(_ path: String) -> Bool {
        files[path] != nil || staged[path] != nil || prepared[path] != nil || kept.contains(path)
    }
}

/// Where a build's outputs go while they render.
enum OutputDestination: Sendable {
    /// Temporary files beside their targets, put in place by the write step (`build`).
    case staged
    /// Memory, for the tests and the fuzzer to inspect.
    case memory
    /// Nowhere: `check` needs every output to render, not to be kept.
    case discarded
}

/// An output being rendered: its sink and, when the build writes, the staged file behind it.
struct PendingOutput: Sendable {
    let path: String
    let sink: OutputSink
    let file: StagedFile?

    init(_ url: URL, destination: OutputDestination, state: StateFolder) throws(DiagnosticError) {
        path = url.standardizedFileURL.path
        guard destination == .staged else {
            sink = destination == .memory ? OutputSink() : .discarding()
            file = nil
            return
        }
        do {
            let file = try StagedFile(target: path, state: state)
            self.file = file
            sink = OutputSink(file: file)
        } catch {
            throw DiagnosticError(.error("cannot write the file: \(error.reason); check the folder's permissions and free space",
                                         at: SourceLocation(file: DisplayPath.of(path: path))))
        }
    }
}

enum PlannedFile: Sendable {
    case inMemory(Data)
    case prepared(PreparedFile)
}

/// A per-posting file decided while the build renders: unchanged, or its new bytes already in
/// a temporary file beside it (removed if the build does not publish), or failed.
final class PreparedFile: @unchecked Sendable {
    enum State {
        case unchanged
        case staged(temporaryPath: String, size: Int, digest: UInt64?)
        case failed(String)
    }

    private(set) var state: State

    init(_ state: State) {
        self.state = state
    }

    deinit {
        if case let .staged(temporaryPath, _, _) = state { unlink(temporaryPath) }
    }

    /// The temporary file was renamed over the target (by a `Publication`): it is no longer
    /// this one's to remove.
    func published() {
        if case .staged = state { state = .unchanged }
    }
}
