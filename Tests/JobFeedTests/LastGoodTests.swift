import Foundation
import Testing
import JobFeed
@testable import JobFeedCLI

@Suite struct LastGoodTests {
    static let designer = TemporarySite.posting("title: Designer\ndate: 2026-01-05\ntranslationKey: designer")
    static let broken = TemporarySite.posting("title: Designer, edited\ndate: 2026-01-05\nvalidThrough: someday\ntranslationKey: designer")

    @Test func aBrokenEditKeepsTheLastGoodVersionPublished() throws {
        let site = try TemporarySite(postings: ["en/designer.md": Self.designer])
        defer { site.remove() }
        _ = try site.build()
        let published = site.read("feeds/en/rss.xml")
        try site.write("postings/en/designer.md", Self.broken)
        let report = try site.build()
        #expect(report.hasErrors)
        #expect(report.diagnostics.map(\.message).contains("the last good version of this posting stays published until the errors above are fixed"))
        #expect(site.read("feeds/en/rss.xml") == published)
        #expect(report.count(.active, in: "en") == 1)
    }

    @Test func aPostingThatNeverWasValidIsLeftOut() throws {
        let site = try TemporarySite(postings: ["en/designer.md": Self.broken])
        defer { site.remove() }
        let report = try site.build()
        #expect(report.hasErrors)
        #expect(report.count(.active, in: "en") == 0)
    }

    @Test func aFixedPostingReplacesItsLastGoodVersionAndADeletedOneIsForgotten() throws {
        // A French posting stays, so that deleting the English one does not empty the folder.
        let site = try TemporarySite(postings: ["en/designer.md": Self.designer, "fr/writer.md": TemporarySite.posting("title: Rédacteur\ndate: 2026-01-05")])
        defer { site.remove() }
        _ = try site.build()
        try site.write("postings/en/designer.md", TemporarySite.posting("title: Designer II\ndate: 2026-01-05"))
        _ = try site.build()
        #expect(site.read("feeds/en/rss.xml")?.contains("Designer II") == true)
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("postings/en/designer.md"))
        _ = try site.build()
        try site.write("postings/en/designer.md", Self.broken)
        let report = try site.build()
        #expect(report.count(.active, in: "en") == 0)
    }

    @Test func strictPublishesNothingWhenAnyPostingHasAnError() throws {
        let site = try TemporarySite(postings: ["en/designer.md": Self.designer])
        defer { site.remove() }
        _ = try site.build()
        let before = OutputTree.files(below: site.root.appendingPathComponent("feeds"))
        try site.write("postings/en/writer.md", TemporarySite.posting("title: Writer\ndate: 2026-01-05"))
        try site.write("postings/en/designer.md", Self.broken)
        let report = try Publisher(config: try site.config(), now: TemporarySite.now).build(strict: true)
        #expect(!report.published)
        #expect(OutputTree.files(below: site.root.appendingPathComponent("feeds")) == before)
    }
}

@Suite(.serialized) struct CheckCommandTests {
    @Test func checkWritesNothingAndExitsOneOnErrors() throws {
        let site = try TemporarySite(postings: ["en/a.md": TemporarySite.posting("title: A\ndate: 2024-02-30")])
        defer { site.remove() }
        #expect(CommandRunner.exitCode(["check", "--config", site.configURL.path, "--format", "json"]) == 1)
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("feeds").path))
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("exports").path))
    }

    @Test func checkExitsZeroWithOnlyWarnings() throws {
        let site = try TemporarySite(postings: ["en/a.md": TemporarySite.posting("title: A\ndate: 2026-01-05\ntranslationKey: lonely")])
        defer { site.remove() }
        #expect(CommandRunner.exitCode(["check", "--config", site.configURL.path]) == 0)
    }

    @Test func jsonDiagnosticsCarryEveryField() throws {
        let json = DiagnosticJSON.encode([Diagnostic(.error, file: "postings/en/a.md", line: 4, column: 7, "'date' is not a date")])
        let decoded = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(decoded.first?["file"] as? String == "postings/en/a.md")
        #expect(decoded.first?["line"] as? Int == 4)
        #expect(decoded.first?["severity"] as? String == "error")
    }
}
