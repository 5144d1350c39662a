import Foundation

/// The folder where jobfeed keeps what it needs for itself: last-good copies of postings
/// (drafts and embargoed ones among them), the build record, the lock and the publication
/// journal. It is never inside a published folder: `feeds/` and `exports/` are handed to web
/// servers and aggregators whole, and must hold only documented outputs.
///
/// Created owner-only (0700), its files 0600: the copies hold unpublished postings' sources.
struct StateFolder: Sendable {
    static let defaultName = ".jobfeed"
    static let fileMode: mode_t = 0o600

    let url: URL

    init(_ config: Config) {
        url = config.stateDirectory
    }

    init(url: URL) {
        self.url = url
    }

    var path: String { url.path }
    var lastGood: URL { url.appendingPathComponent("last-good") }
    var buildRecord: URL { url.appendingPathComponent("build.json") }
    var lock: URL { url.appendingPathComponent("lock") }
    var journal: URL { url.appendingPathComponent("journal") }
    var rollback: URL { url.appendingPathComponent("rollback") }
    /// Where outputs are written before they are renamed into place, so that a published
    /// folder never holds a half-written file, even after a `kill -9`.
    var staging: URL { url.appendingPathComponent("staging") }

    /// The folder to write `target`'s next version in: the staging folder when it is on the
    /// target's file system (a rename from it is atomic), else the target's own folder.
    func stagingFolder(for target: String) -> String {
        let folder = (target as NSString).deletingLastPathComponent
        var staged = stat()
        var published = stat()
        if stat(staging.path, &staged) != 0 { try? Self.create(staging) }
        guard stat(staging.path, &staged) == 0 else { return folder }
        if stat(folder, &published) != 0 {
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            guard stat(folder, &published) == 0 else { return folder }
        }
        return staged.st_dev == published.st_dev ? staging.path : folder
    }

    /// Removes what a killed build left in the staging folder (under the lock).
    func clearStaging() {
        for entry in FolderWalk.entries(of: staging.path) { unlink(staging.path + "/" + entry.name) }
    }

    /// Whether the state folder and a published folder contain one another.
    static func overlaps(_ state: URL, published: [URL]) -> Bool {
        let statePath = state.standardizedFileURL.path
        return published.contains { folder in
            let path = folder.standardizedFileURL.path
            return statePath == path || statePath.hasPrefix(path + "/") || path.hasPrefix(statePath + "/")
        }
    }

    /// Creates the folder (and any below it) owner-only, tightening one that exists.
    static func create(_ folder: URL) throws(SystemError) {
        try SystemCall.makeFolders(folder.path, mode: 0o700)
        try SystemCall.check("chmod", folder.path) { chmod(folder.path, 0o700) }
    }

    /// Creates the folder, and moves what an earlier version kept in `exports/` (where it was
    /// published with the outputs) into it; says so once, when something moved.
    func prepare(exports: URL) throws(SystemError) -> [Diagnostic] {
        try Self.create(url)
        clearStaging()
        var moved: [String] = []
        let legacyCopies = exports.appendingPathComponent(".jobfeed-last-good").path
        if FileManager.default.fileExists(atPath: legacyCopies) {
            if FileManager.default.fileExists(atPath: lastGood.path) || rename(legacyCopies, lastGood.path) != 0 {
                try? FileManager.default.removeItem(atPath: legacyCopies)
            } else {
                for file in FolderWalk.files(below: lastGood.path) { chmod(lastGood.path + "/" + file, Self.fileMode) }
                try? Self.create(lastGood)
            }
            moved.append(".jobfeed-last-good/")
        }
        for name in [".jobfeed-build.json", ".jobfeed.lock"] {
            let legacy = exports.appendingPathComponent(name).path
            if unlink(legacy) == 0 { moved.append(name) }
        }
        guard !moved.isEmpty else { return [] }
        return [.warning("moved jobfeed's own files (\(moved.joined(separator: ", "))) out of the published exports folder into the state folder \(DisplayPath.of(url)); they no longer reach anything served from exports/",
                         at: SourceLocation(file: DisplayPath.of(exports)))]
    }

    /// Bytes used by everything in the folder, for `check`'s report.
    func size() -> Int64 {
        FolderWalk.files(below: path).reduce(0) { total, file in
            total + (FileStamp(path: path + "/" + file)?.size ?? 0)
        }
    }
}
