import Foundation

/// A copy of every posting file as it last read without errors, kept beside the outputs in
/// `exports/.jobfeed-last-good/`, so that a broken edit never takes a published job offline:
/// a cron build and the watcher alike fall back to the copy until the posting is fixed,
/// deleted or expires.
///
/// One file per posting, written only when its source changed (the copy carries the source's
/// size and modification time, so an unchanged posting costs one `stat`), and read only when a
/// posting needs its fallback: a site of 10,000 postings neither loads nor rewrites a whole
/// store on every build.
struct LastGoodStore: Sendable {
    static let folderName = ".jobfeed-last-good"

    let folder: URL
    /// Copies to make when the build writes its outputs.
    private(set) var pending: [Copy] = []

    struct Copy: Sendable {
        var relativePath: String
        var data: Data
        var stamp: FileStamp
    }

    init(config: Config) {
        folder = config.exportsDirectory.appendingPathComponent(Self.folderName)
    }

    func source(for relativePath: String) -> String? {
        FileManager.default.contents(atPath: copyPath(relativePath)).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Notes that a posting read cleanly; its copy is refreshed at write time if it changed.
    mutating func record(_ relativePath: String, data: Data, stamp: FileStamp?) {
        guard let stamp else { return }
        if let copy = FileStamp(path: copyPath(relativePath)), copy.size == stamp.size,
           copy.modifiedSeconds == stamp.modifiedSeconds, copy.modifiedNanoseconds == stamp.modifiedNanoseconds {
            return
        }
        pending.append(Copy(relativePath: relativePath, data: data, stamp: stamp))
    }

    /// Refreshes changed copies and removes those of postings that are gone.
    func save(keeping present: Set<String>) {
        let folders = Set(pending.map { (copyPath($0.relativePath) as NSString).deletingLastPathComponent })
        for folder in folders.sorted() {
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        _ = Parallel.map(pending) { copy in
            let target = copyPath(copy.relativePath)
            guard OutputWriter.replace(target, with: copy.data) == nil else { return false }
            var times = [timespec(tv_sec: copy.stamp.modifiedSeconds, tv_nsec: copy.stamp.modifiedNanoseconds),
                         timespec(tv_sec: copy.stamp.modifiedSeconds, tv_nsec: copy.stamp.modifiedNanoseconds)]
            return utimensat(AT_FDCWD, target, &times, 0) == 0
        }
        removeCopies(except: present)
    }

    private func removeCopies(except present: Set<String>) {
        guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return }
        var stale: [String] = []
        while let relative = walker.nextObject() as? String {
            var isFolder: ObjCBool = false
            let path = folder.path + "/" + relative
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue, !present.contains(relative) {
                stale.append(path)
            }
        }
        stale.forEach { try? FileManager.default.removeItem(atPath: $0) }
    }

    private func copyPath(_ relativePath: String) -> String {
        folder.path + "/" + relativePath
    }
}
