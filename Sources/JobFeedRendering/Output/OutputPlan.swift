import Foundation
import JobFeedCore
import JobFeedSystem

/// The bytes every output file should hold after a build, by absolute path: in memory, or
/// already in a staged file for the large outputs of a build.
package struct OutputPlan: Sendable {
    // Files that may be per-posting documents are keyed byte for byte (see `ExactPath`): two
    // postings whose slugs read alike in other code points have a document each, as the site
    // generators give them a page each.
    package var files: [ExactPath: Data] = [:]
    package var staged: [String: StagedFile] = [:]
    /// Per-posting files already compared with what is on disk, and staged when they change.
    package var prepared: [ExactPath: PreparedFile] = [:]
    /// Outputs compared with the files on disk and not kept (`check`): whether each differs.
    package var compared: [ExactPath: Bool] = [:]
    /// Outputs known unchanged without rendering them (a watcher's unchanged feeds).
    package var kept: Set<String> = []
    /// What each rendered feed was made from, for a long-running process's cache.
    package var fingerprints: [String: UInt64] = [:]
    /// Files of formats the site turned off, removed if they are there.
    package var retired: [String] = []
    /// Folders owned by jobfeed: a file with this extension below them that the plan does not
    /// hold belongs to a posting that no longer exists, and is removed.
    package var ownedFolders: [(folder: URL, pathExtension: String)] = []

    package init() {}

    package mutating func add(_ url: URL, _ data: Data) {
        files[ExactPath(url.standardizedFileURL.path)] = data
    }

    package mutating func add(_ output: PendingOutput) {
        if let fingerprint = output.fingerprint { fingerprints[output.path] = fingerprint }
        if let file = output.file {
            staged[output.path] = file
        } else if let comparison = output.sink.comparison {
            compared[ExactPath(output.path)] = comparison.finish()
        } else {
            files[ExactPath(output.path)] = output.sink.data
        }
    }

    package mutating func add(_ path: String, _ file: PlannedFile) {
        switch file {
        case let .inMemory(data): files[ExactPath(path)] = data
        case let .prepared(prepared): self.prepared[ExactPath(path)] = prepared
        case let .compared(differs): compared[ExactPath(path)] = differs
        }
    }

    /// Adds the files `other` holds in memory, prepared or compared (a writer's own plan),
    /// where this one holds none at their paths: the larger table is kept and the other's
    /// files put in it, not 10,000 per-posting files added one by one.
    package mutating func addFiles(of other: OutputPlan) {
        Self.fill(&files, from: other.files)
        Self.fill(&prepared, from: other.prepared)
        Self.fill(&compared, from: other.compared)
    }

    private static func fill<Value>(_ table: inout [ExactPath: Value], from other: [ExactPath: Value]) {
        // Most often the only one: taken as it is (merged into nothing, it was copied).
        guard !table.isEmpty else { return table = other }
        guard table.count >= other.count else {
            table = other.merging(table) { _, held in held }
            return
        }
        table.merge(other) { held, _ in held }
    }

    /// How many output files the build holds, changed or not.
    package var count: Int { files.count + staged.count + prepared.count + compared.count + kept.count }

    /// Whether the plan holds a file at this path, byte for byte: a file on disk named like a
    /// planned one in other code points (the posting file renamed on a Mac) is another file,
    /// and stale.
    package func contains(_ path: String) -> Bool {
        let exact = ExactPath(path)
        func holds(_ key: String?) -> Bool { key.map { ExactPath($0) == exact } ?? false }
        return files[exact] != nil || prepared[exact] != nil || compared[exact] != nil
            || holds(staged.index(forKey: path).map { staged[$0].key }) || holds(kept.firstIndex(of: path).map { kept[$0] })
    }
}
