import Foundation
import JobFeed

/// A site in a fresh temporary folder: a config, postings, and the outputs a build writes.
struct TemporarySite {
    let root: URL

    static let standardConfig = """
        baseURL: https://jobs.example.org/
        timeZone: America/Toronto
        languages:
          - code: en
            locale: en-CA
            title: Example Jobs
            description: Jobs at Example.
          - code: fr
            locale: fr-CA
            title: Emplois Exemple
            description: Emplois chez Exemple.
        organization:
          name: { en: Example, fr: Exemple }
          url: https://example.org/
          logo: https://example.org/logo.png
        defaults:
          remote: true
          applicantCountries: [CA]
          employmentType: FULL_TIME
        """

    static let now = Timestamp(seconds: 1_795_000_000)  // 2026-11-18

    init(config: String = standardConfig, postings: [String: String] = [:]) throws {
        root = ScratchPath.unused("test")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("postings"), withIntermediateDirectories: true)
        try write("jobfeed.yml", config)
        for (path, text) in postings { try write("postings/" + path, text) }
    }

    func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// The absolute path of a file in the site, as the build and the watcher spell it.
    func path(_ relative: String) -> String {
        root.appendingPathComponent(relative).standardizedFileURL.path
    }

    func read(_ path: String) -> String? {
        FileManager.default.contents(atPath: root.appendingPathComponent(path).path).map { String(decoding: $0, as: UTF8.self) }
    }

    var configURL: URL { root.appendingPathComponent("jobfeed.yml") }

    func config() throws -> Config {
        try Config.load(from: configURL)
    }

    func build(now: Timestamp = TemporarySite.now) throws -> BuildReport {
        try Publisher(config: try config(), now: now).build()
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }

    /// A site of these postings, built once, and what it then published (for tests that check
    /// a later build left it as it was).
    static func built(postings: [String: String]) throws -> (site: TemporarySite, published: [String: Data]) {
        let site = try TemporarySite(postings: postings)
        _ = try site.build()
        return (site, OutputTree.published(below: site.root))
    }

    /// Rewrites the file in place with `text` replaced by `replacement` (of the same length),
    /// keeping its size and times: its stamp says unchanged. Returns that stamp.
    @discardableResult
    func rewriteKeepingItsStamp(_ path: String, replacing text: String, with replacement: String) throws -> FileStamp? {
        let file = root.appendingPathComponent(path).path
        guard let stamp = FileStamp(path: file), let original = read(path), let handle = FileHandle(forWritingAtPath: file) else { return nil }
        try handle.write(contentsOf: Data(original.replacingOccurrences(of: text, with: replacement).utf8))
        try handle.close()
        let time = timespec(tv_sec: stamp.modifiedSeconds, tv_nsec: stamp.modifiedNanoseconds)
        var times = [time, time]
        return utimensat(AT_FDCWD, file, &times, 0) == 0 ? stamp : nil
    }

    /// A posting file with the given front-matter lines and body.
    static func posting(_ frontMatter: String, body: String = "A job.") -> String {
        "---\n\(frontMatter)\n---\n\(body)\n"
    }
}

enum Repository {
    /// The package's root folder, found from this file's path.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}
