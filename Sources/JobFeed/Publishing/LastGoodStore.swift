import Foundation

/// The last source text of every posting that read without errors, kept in a small state file
/// beside the outputs, so that a broken edit never takes a published job offline: a cron build
/// and the watcher alike fall back to it until the posting is fixed, deleted or expires.
struct LastGoodStore: Sendable, Equatable {
    static let fileName = ".jobfeed-state.json"

    private(set) var sources: [String: String] = [:]
    /// Whether anything was recorded or forgotten since it was loaded (else it is not rewritten).
    private(set) var changed = false

    static func url(in config: Config) -> URL {
        config.exportsDirectory.appendingPathComponent(fileName)
    }

    /// An unreadable or foreign state file is treated as empty: it only ever adds safety.
    static func load(from url: URL) -> LastGoodStore {
        guard let data = FileManager.default.contents(atPath: url.path),
              let state = try? JSONDecoder().decode(StateFile.self, from: data),
              state.version == StateFile.currentVersion
        else { return LastGoodStore() }
        return LastGoodStore(sources: state.lastGood)
    }

    func source(for relativePath: String) -> String? {
        sources[relativePath]
    }

    mutating func record(_ text: String, for relativePath: String) {
        guard sources[relativePath] != text else { return }
        sources[relativePath] = text
        changed = true
    }

    /// Forgets postings whose files are gone.
    mutating func keepOnly(_ relativePaths: Set<String>) {
        let kept = sources.filter { relativePaths.contains($0.key) }
        if kept.count != sources.count {
            sources = kept
            changed = true
        }
    }

    /// After the state file is written, what is in memory is what is on disk.
    mutating func markSaved() {
        changed = false
    }

    func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        return try encoder.encode(StateFile(version: StateFile.currentVersion, lastGood: sources))
    }

    private struct StateFile: Codable {
        static let currentVersion = 1
        var version: Int
        var lastGood: [String: String]
    }
}
