import Foundation
import Testing
import JobFeed

/// A config (or a jobfeed) under which postings that read cleanly before have errors is no
/// broken edit of theirs: their last good versions have the errors too, and publishing would
/// take the jobs offline (a mapping renamed by mistake emptied every feed of the site). The
/// build publishes nothing, says why, and the command exits 2, as for a config that does not
/// load; the postings' own errors are listed.
@Suite(.serialized) struct ConfigBrokenPostingsTests {
    static let postings = [
        "en/designer.md": TemporarySite.posting("title: Designer\ndate: 2026-01-05"),
        "en/writer.md": TemporarySite.posting("title: Writer\ndate: 2026-02-01"),
    ]
    /// Takes the title from a key no posting has.
    static let remapped = TemporarySite.standardConfig + "\nfields:\n  title: headline\n"
    static let explanation = "this posting's last good version read without errors before and has errors now"

    @Test func aConfigThatBreaksPublishedPostingsPublishesNothing() throws {
        let (site, before) = try TemporarySite.built(postings: Self.postings)
        defer { site.remove() }
        try site.write("jobfeed.yml", Self.remapped)
        let report = try site.build()
        #expect(report.withheld == .lastGoodVersionsBroken)
        #expect(report.diagnostics.contains { $0.message.hasPrefix(Self.explanation) && $0.message.contains("(so do 1 other posting)") })
        #expect(report.diagnostics.contains { $0.message.contains("headline") })
        #expect(OutputTree.published(below: site.root) == before)
        try site.write("jobfeed.yml", TemporarySite.standardConfig)
        let fixed = try site.build()
        #expect(fixed.published && fixed.count(.active, in: "en") == 2)
    }

    /// A broken edit with a last good version, and a new file that never read cleanly, are the
    /// files' own doing: the build publishes, the one standing in for its edit, the other left
    /// out.
    @Test func brokenFilesAloneStillPublish() throws {
        let site = try TemporarySite(postings: Self.postings)
        defer { site.remove() }
        _ = try site.build()
        try site.write("postings/en/designer.md", TemporarySite.posting("title: Designer\ndate: 2026-13-45"))
        try site.write("postings/en/tester.md", TemporarySite.posting("title: Tester\ndate: someday"))
        let report = try site.build()
        #expect(report.published && report.hasErrors)
        #expect(report.count(.active, in: "en") == 2)
        #expect(!report.diagnostics.contains { $0.message.hasPrefix(Self.explanation) })
    }

    @Test func theBuildCommandExitsTwo() throws {
        let site = try TemporarySite(postings: Self.postings)
        defer { site.remove() }
        #expect(CommandRunner.exitCode(["build", "--quiet", "--config", site.configURL.path]) == 0)
        let feed = site.read("feeds/en/rss.xml")
        try site.write("jobfeed.yml", Self.remapped)
        #expect(CommandRunner.exitCode(["build", "--quiet", "--config", site.configURL.path]) == 2)
        #expect(site.read("feeds/en/rss.xml") == feed)
        #expect(CommandRunner.exitCode(["check", "--config", site.configURL.path]) == 1)
    }
}
