import Foundation
import Testing
import JobFeed

private extension Array where Element == UInt8 {
    /// The bytes as a C string (a path that need not be UTF-8).
    func withCString<Result>(_ body: (UnsafePointer<CChar>) -> Result) -> Result {
        (self + [0]).withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { body($0.baseAddress!) } }
    }
}

/// Hostile cases that are not a single file: sizes, links, folders, pairs and configs.
@Suite struct HostileTreeTests {
    func site(_ extra: [String: String] = [:]) throws -> TemporarySite {
        var postings = ["en/good.md": HostileInputTests.good, "fr/good.md": HostileInputTests.goodFrench]
        postings.merge(extra) { $1 }
        return try TemporarySite(postings: postings)
    }

    @Test func aFiftyMegabyteBodyIsRefusedByTheSizeLimit() throws {
        let site = try site()
        defer { site.remove() }
        var data = Data("---\ntitle: Huge\ndate: 2026-01-05\n---\n".utf8)
        data.append(Data(repeating: UInt8(ascii: "a"), count: 50_000_000))
        try data.write(to: site.root.appendingPathComponent("postings/en/huge-body.md"))
        try HostileCheck(site: site, name: "huge-body").run()
    }

    @Test func symbolicLinksLeavingThePostingsFolderOrLoopingAreSkipped() throws {
        let site = try site()
        defer { site.remove() }
        try site.write("outside/secret.md", TemporarySite.posting("title: Secret\ndate: 2026-01-05"))
        let links = site.root.appendingPathComponent("postings/en")
        try FileManager.default.createSymbolicLink(atPath: links.appendingPathComponent("secret.md").path, withDestinationPath: "../../outside/secret.md")
        try FileManager.default.createSymbolicLink(atPath: links.appendingPathComponent("outside-folder").path, withDestinationPath: site.root.appendingPathComponent("outside").path)
        try FileManager.default.createSymbolicLink(atPath: links.appendingPathComponent("loop").path, withDestinationPath: ".")
        try FileManager.default.createSymbolicLink(atPath: links.appendingPathComponent("dangling.md").path, withDestinationPath: "nowhere.md")
        let check = HostileCheck(site: site, name: "symbolic-links", allowed: ["outside"])
        try check.run()
        #expect(site.read("exports/postings.csv")?.contains("Secret") == false)
    }

    @Test func aFolderNamedLikeAPostingIsWalkedAsAFolder() throws {
        let site = try site(["en/folder.md/inner.md": TemporarySite.posting("title: Inner\ndate: 2026-01-05")])
        defer { site.remove() }
        try HostileCheck(site: site, name: "folder-named-like-posting").run()
        #expect(site.read("exports/jsonld/en/folder.md/inner.jsonld") != nil)
    }

    /// Latin-1 names, as an archive made on an older system unpacks: a posting file, and a
    /// folder holding one. Before, each read as a file that had vanished, and was left out in
    /// silence.
    @Test func namesThatAreNotUTF8AreErrorsNotSilentlySkipped() throws {
        let site = try site()
        defer { site.remove() }
        let french = Array(site.root.appendingPathComponent("postings/fr").path.utf8)
        let posting = Data(TemporarySite.posting("title: Café\ndate: 2026-01-05").utf8)
        try Self.write(posting, to: french + Array("/caf".utf8) + [0xE9] + Array(".md".utf8))
        let folder = french + Array("/d".utf8) + [0xE9, 0x76]
        #expect(folder.withCString { mkdir($0, 0o755) } == 0)
        try Self.write(posting, to: folder + Array("/inner.md".utf8))
        try HostileCheck(site: site, name: "names-not-utf8").run()
        #expect(try site.build().hasErrors)
    }

    /// Writes a file whose path is given as bytes (Foundation takes paths as text).
    private static func write(_ data: Data, to path: [UInt8]) throws {
        let descriptor = path.withCString { open($0, O_WRONLY | O_CREAT | O_EXCL, 0o644) }
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        try #require(data.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) } == data.count)
    }

    @Test func translationsThatDisagreeAreReported() throws {
        let site = try site([
            "en/pair.md": TemporarySite.posting("title: Pair\ndate: 2026-01-05\ntranslationKey: pair\nvalidThrough: 2026-12-31"),
            "fr/pair.md": TemporarySite.posting("title: Paire\ndate: 2026-01-05\ntranslationKey: pair\narchived: true\nvalidThrough: 2027-01-31"),
            "en/alone.md": TemporarySite.posting("title: Alone\ndate: 2026-01-05\ntranslationKey: alone"),
        ])
        defer { site.remove() }
        try HostileCheck(site: site, name: "translation-disagreement").run()
    }

    @Test(arguments: [
        ("config-unknown-keys", "\nlimits:\n  maxFileByte: 10\nurls:\n  postings: '{lang}/{slug}'\n"),
        ("config-alias-bomb", "\nx: &x [a, a, a, a, a, a, a, a, a, a]\ny: &y [*x, *x, *x, *x, *x, *x, *x, *x, *x, *x]\nz: [*y, *y, *y, *y, *y, *y, *y, *y, *y, *y]\n"),
        ("config-bad-template", "\nurls:\n  posting: '{lang}/{slug'\n"),
    ])
    func hostileConfigsStopTheBuildAndWriteNothing(name: String, extra: String) throws {
        let site = try TemporarySite(config: TemporarySite.standardConfig + extra, postings: ["en/good.md": HostileInputTests.good])
        defer { site.remove() }
        let error = try #require(throws: DiagnosticError.self) { try site.build() }
        Golden.compare(error.description.replacingOccurrences(of: site.root.path + "/", with: "") + "\n", with: "Hostile/\(name).expected")
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("feeds").path))
    }
}

@Suite struct TextPassesThroughIntactTests {
    @Test func emojiRightToLeftAndCombiningTextReachEveryOutputUnchanged() throws {
        let title = "Développeur·se 👩🏽‍💻 مطور ברוכים e\u{301}\u{301}"
        let site = try TemporarySite(postings: ["en/intact.md": TemporarySite.posting("title: \"\(title)\"\ndate: 2026-01-05", body: "مرحبا 🇨🇦 \u{202E}reversed\u{202C}")])
        defer { site.remove() }
        _ = try site.build()
        #expect(site.read("feeds/en/rss.xml")?.contains("<title>\(title)</title>") == true)
        #expect(site.read("feeds/en/atom.xml")?.contains(title) == true)
        #expect(site.read("exports/postings.csv")?.contains(title) == true)
        let json = try #require(FileManager.default.contents(atPath: site.root.appendingPathComponent("exports/jsonld/en/intact.jsonld").path))
        let document = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        #expect(document["title"] as? String == title)
        #expect((document["description"] as? String)?.contains("مرحبا 🇨🇦 \u{202E}reversed\u{202C}") == true)
    }
}
