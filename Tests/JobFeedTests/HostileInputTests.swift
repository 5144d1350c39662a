import Foundation
import Testing
import JobFeed

/// Broken and hostile postings, each with its expected diagnostics (golden, re-recorded with
/// `JOBFEED_RECORD=1`). For every one: no crash, the diagnostics expected, valid outputs, nothing
/// written outside the output folders, and the good posting beside it still published.
@Suite struct HostileInputTests {
    static let folder = Repository.root.appendingPathComponent("Tests/JobFeedTests/Fixtures/Hostile")
    static let cases = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
        .filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }.sorted()
    static let good = TemporarySite.posting("title: Good posting\ndate: 2026-01-05\ntranslationKey: good")
    static let goodFrench = TemporarySite.posting("title: Bonne offre\ndate: 2026-01-05\ntranslationKey: good")

    @Test func thereAreAtLeastThirtyFileCases() {
        #expect(Self.cases.count >= 30)
    }

    @Test(arguments: cases)
    func hostilePosting(name: String) throws {
        let data = try #require(FileManager.default.contents(atPath: Self.folder.appendingPathComponent(name + ".md").path))
        let site = try TemporarySite(postings: ["en/good.md": Self.good, "fr/good.md": Self.goodFrench])
        defer { site.remove() }
        try data.write(to: site.root.appendingPathComponent("postings/en/\(name).md"))
        try HostileCheck(site: site, name: name).run()
    }
}

/// Runs `check` and `build` over a site and verifies the expectations shared by every case.
struct HostileCheck {
    let site: TemporarySite
    let name: String
    var allowed: Set<String> = []

    func run() throws {
        let checked = try Publisher(config: try site.config(), now: TemporarySite.now).check()
        let text = checked.diagnostics.map(\.description).joined(separator: "\n")
            .replacingOccurrences(of: site.root.path + "/", with: "")
        Golden.compare(text + "\n", with: "Hostile/\(name).expected")
        let built = try site.build()
        #expect(built.diagnostics.map(\.description) == checked.diagnostics.map(\.description), "build reports what check reports")
        #expect(try OutputInvariants.violations(of: site, allowedTopLevel: OutputInvariants.siteFiles.union(allowed)) == [])
        #expect(site.read("feeds/en/rss.xml")?.contains("<title>Good posting</title>") == true)
        ConsumerCheck.run(on: site.root)
    }
}

enum Golden {
    static let fixtures = Repository.root.appendingPathComponent("Tests/JobFeedTests/Fixtures")

    /// Compares with a golden file, or writes it when JOBFEED_RECORD=1.
    static func compare(_ text: String, with path: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let url = fixtures.appendingPathComponent(path)
        if ProcessInfo.processInfo.environment["JOBFEED_RECORD"] == "1" {
            try? Data(text.utf8).write(to: url)
            return
        }
        let expected = FileManager.default.contents(atPath: url.path).map { String(decoding: $0, as: UTF8.self) }
        #expect(text == expected, "\(path) differs; run `JOBFEED_RECORD=1 swift test` if intended", sourceLocation: sourceLocation)
    }
}

/// The independent Python consumers (feedparser, pyld, csv, xmllint), when installed.
enum ConsumerCheck {
    static let available: Bool = run(["-c", "import feedparser, pyld"], quiet: true) == 0

    static func run(on root: URL, languages: [String] = ["en", "fr"]) {
        guard available else { return }
        let script = Repository.root.appendingPathComponent("Tests/consumers/check_outputs.py").path
        let status = run([script, root.appendingPathComponent("feeds").path, root.appendingPathComponent("exports").path] + languages, quiet: true)
        #expect(status == 0, "Tests/consumers/check_outputs.py failed on \(root.path)")
    }

    @discardableResult
    static func run(_ arguments: [String], quiet: Bool) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        if quiet { process.standardOutput = FileHandle.nullDevice; process.standardError = FileHandle.nullDevice }
        guard (try? process.run()) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }
}
