import Foundation

/// A copy of every posting file as it last read without errors, kept beside the outputs in
/// `exports/.jobfeed-last-good/`, so that a broken edit never takes a published job offline:
/// a cron build and the watcher alike fall back to the copy until the posting is fixed,
/// deleted or expires.
///
/// The copies live in one append-only pack file, found through an index that is replaced
/// atomically after each append: a first build of 10,000 postings writes two files rather than
/// 10,000 (file creation costs ~30–150 µs each here), a later build appends only the postings
/// whose stamp changed, and a copy is read only when a posting needs its fallback. The pack is
/// rewritten when more than half of it is dead copies.
struct LastGoodStore: Sendable {
    static let folderName = ".jobfeed-last-good"

    let folder: URL
    private var index: LastGoodIndex
    /// The index with this build's appended copies, until it is saved.
    private var staged: LastGoodIndex?
    /// Copies to append when the build writes its outputs.
    private(set) var pending: [Copy] = []

    struct Copy: Sendable {
        var relativePath: String
        var data: Data
        var stamp: FileStamp
    }

    init(config: Config) {
        folder = config.exportsDirectory.appendingPathComponent(Self.folderName)
        index = LastGoodIndex.load(from: folder.appendingPathComponent(LastGoodIndex.fileName).path)
    }

    func source(for relativePath: String) -> String? {
        guard let entry = index.entries[relativePath],
              let pack = FileHandle(forReadingAtPath: packPath(index.generation)) else { return nil }
        defer { try? pack.close() }
        guard (try? pack.seek(toOffset: entry.offset)) != nil,
              let data = try? pack.read(upToCount: Int(entry.stamp.size)), data.count == Int(entry.stamp.size) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    /// Notes that a posting read cleanly; its copy is appended at write time if it changed.
    mutating func record(_ relativePath: String, data: Data, stamp: FileStamp?) {
        guard let stamp, index.entries[relativePath]?.stamp != stamp else { return }
        pending.append(Copy(relativePath: relativePath, data: data, stamp: stamp))
    }

    /// Appends the changed copies to the pack, dropping them from memory; the index that
    /// points at them is saved only when the build publishes (bytes appended by a build
    /// that fails are dead weight until the next compaction, never wrong data).
    mutating func appendPending() {
        guard !pending.isEmpty else { return }
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var next = staged ?? index
        if next.deadBytes(packSize: packSize(next.generation)) > next.liveBytes {
            compact(&next)
        }
        if append(pending, to: &next) { staged = next }
        pending = []
    }

    /// Forgets the copies of postings that are gone and saves the index.
    mutating func save(keeping present: Set<String>) {
        appendPending()
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
        var compacted = LastGoodIndex(generation: next.generation + 1)
        let copies = next.entries.keys.sorted().compactMap { path in
            source(for: path).map { Copy(relativePath: path, data: Data($0.utf8), stamp: next.entries[path]!.stamp) }
        }
        unlink(packPath(compacted.generation))
        if append(copies, to: &compacted) { next = compacted }
    }

    private func append(_ copies: [Copy], to index: inout LastGoodIndex) -> Bool {
        guard !copies.isEmpty else { return true }
        let descriptor = open(packPath(index.generation), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var offset = UInt64(max(lseek(descriptor, 0, SEEK_END), 0))
        var bytes = Data()
        for copy in copies where copy.data.count == Int(copy.stamp.size) {
            index.entries[copy.relativePath] = LastGoodIndex.Entry(stamp: copy.stamp, offset: offset)
            bytes.append(copy.data)
            offset += UInt64(copy.data.count)
        }
        return FileDescriptor.writeAll(descriptor, bytes)
    }

    private func packSize(_ generation: Int) -> UInt64 {
        FileStamp(path: packPath(generation)).map { UInt64($0.size) } ?? 0
    }

    private func packPath(_ generation: Int) -> String {
        folder.path + "/pack-\(generation)"
    }
}
