import Foundation

/// A copy of every posting file as it last read without errors, kept beside the outputs in
/// `exports/.jobfeed-last-good/`, so that a broken edit never takes a published job offline:
/// a cron build and the watcher alike fall back to the copy until the posting is fixed,
/// deleted or expires.
///
/// The copies live in one append-only pack file, found through an index that is replaced
/// atomically when the build publishes: a first build of 10,000 postings writes two files
/// rather than 10,000 (file creation costs ~30–150 µs each here), a later build appends only
/// the postings whose stamp changed, as it reads them (so no build holds every file's bytes),
/// and a copy is read only when a posting needs its fallback. Bytes appended by a build that
/// does not publish are dead weight, never wrong data; the pack is rewritten when more than
/// half of it is dead.
struct LastGoodStore: Sendable {
    static let folderName = ".jobfeed-last-good"

    let folder: URL
    private(set) var index: LastGoodIndex
    /// The index with this build's appended copies, until it is saved.
    private var staged: LastGoodIndex?

    init(config: Config) {
        folder = config.exportsDirectory.appendingPathComponent(Self.folderName)
        index = LastGoodIndex.load(from: folder.appendingPathComponent(LastGoodIndex.fileName).path)
    }

    func source(for relativePath: String) -> String? {
        guard let entry = index.entries[relativePath] else { return nil }
        return Self.read(entry, from: packPath(index.generation)).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Whether a posting read cleanly at this stamp needs a new copy.
    func needsCopy(_ relativePath: String, stamp: FileStamp) -> Bool {
        index.entries[relativePath]?.stamp != stamp
    }

    /// Starts this build's appends, first rewriting the pack if more than half of it is dead.
    mutating func beginAppending() -> LastGoodAppender {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var next = index
        if next.deadBytes(packSize: packSize(next.generation)) > next.liveBytes { compact(&next) }
        return LastGoodAppender(index: next, packPath: packPath(next.generation))
    }

    mutating func finishAppending(_ appender: LastGoodAppender) {
        guard let result = appender.finish(), result.appended > 0 || result.index.generation != index.generation else { return }
        staged = result.index
    }

    /// Forgets the copies of postings that are gone and saves the index.
    mutating func save(keeping present: Set<String>) {
        var next = staged ?? index
        next.entries = next.entries.filter { present.contains($0.key) }
        guard staged != nil || next.entries.count != index.entries.count else { return }
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        _ = OutputWriter.replace(folder.appendingPathComponent(LastGoodIndex.fileName).path, with: next.encoded())
        if next.generation != index.generation { unlink(packPath(index.generation)) }
        index = next
        staged = nil
    }

    /// Copies the live entries into a new pack, leaving the old one for readers of the old index.
    private func compact(_ next: inout LastGoodIndex) {
        let appender = LastGoodAppender(index: LastGoodIndex(generation: next.generation + 1), packPath: packPath(next.generation + 1), truncating: true)
        for (path, entry) in next.entries.sorted(by: { $0.key < $1.key }) {
            if let data = Self.read(entry, from: packPath(next.generation)) { appender.append(path, data, stamp: entry.stamp) }
        }
        if let compacted = appender.finish() { next = compacted.index }
    }

    private static func read(_ entry: LastGoodIndex.Entry, from pack: String) -> Data? {
        guard let handle = FileHandle(forReadingAtPath: pack) else { return nil }
        defer { try? handle.close() }
        guard (try? handle.seek(toOffset: entry.offset)) != nil,
              let data = try? handle.read(upToCount: Int(entry.stamp.size)), data.count == Int(entry.stamp.size) else { return nil }
        return data
    }

    private func packPath(_ generation: Int) -> String {
        folder.path + "/pack-\(generation)"
    }

    private func packSize(_ generation: Int) -> UInt64 {
        FileStamp(path: packPath(generation)).map { UInt64($0.size) } ?? 0
    }
}
