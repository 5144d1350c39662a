import Foundation
import Testing
import JobFeed

/// A folder or file that cannot be read is an error, never an empty folder: a permissions
/// glitch or a failing mount must not unpublish the jobs behind it. Run as `nobody` when the
/// tests run as root, since root reads a `chmod 000` folder regardless.
@Suite(.serialized) struct UnreadableInputTests {
    static let canRun = JobFeedProcess.available && (!JobFeedProcess.isRoot || FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"))

    func builtSite() throws -> TemporarySite {
        let site = try TemporarySite(postings: BuildBehaviourTests.postings)
        try JobFeedProcess.giveToUnprivilegedUser(site.root)
        let first = try JobFeedProcess.run(["build", "--config", site.configURL.path, "--now", "2026-11-18", "--quiet"], unprivileged: true)
        #expect(first.status == 0, "\(first.standardError)")
        return site
    }

    @Test(.enabled(if: canRun, "skipped: needs the built binary (and setpriv when run as root)"))
    func anUnreadableLanguageFolderStopsTheBuildAndUnpublishesNothing() throws {
        let site = try builtSite()
        defer { site.remove() }
        let before = OutputTree.published(below: site.root)
        let french = site.root.appendingPathComponent("postings/fr").path
        chmod(french, 0)
        defer { chmod(french, 0o755) }
        let result = try JobFeedProcess.run(["build", "--config", site.configURL.path, "--now", "2026-11-18", "--quiet"], unprivileged: true)
        #expect(result.status == 2)
        #expect(result.standardError.contains("postings/fr: error: cannot list the folder: Permission denied"), "\(result.standardError)")
        #expect(OutputTree.published(below: site.root) == before)
    }

    @Test(.enabled(if: canRun, "skipped: needs the built binary (and setpriv when run as root)"))
    func anUnreadablePostingKeepsItsLastGoodVersion() throws {
        let site = try builtSite()
        defer { site.remove() }
        try site.write("postings/en/writer.md", TemporarySite.posting("title: Writer, edited\ndate: 2026-02-01"))
        let writer = site.root.appendingPathComponent("postings/en/writer.md").path
        chmod(writer, 0)
        let result = try JobFeedProcess.run(["build", "--config", site.configURL.path, "--now", "2026-11-18", "--quiet"], unprivileged: true)
        #expect(result.status == 1)
        #expect(result.standardError.contains("writer.md: error: cannot read the file: Permission denied"), "\(result.standardError)")
        #expect(site.read("feeds/en/rss.xml")?.contains("<title>Writer</title>") == true)
    }

    @Test func aPostingDeletedBetweenListingAndReadingIsNoError() throws {
        let site = try TemporarySite(postings: BuildBehaviourTests.postings)
        defer { site.remove() }
        let config = try site.config()
        var discovery = PostingDiscovery(root: config.postingsDirectory, languages: config.languageCodes)
        let files = try discovery.files()
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("postings/en/writer.md"))
        var reader = PostingReader(config: config, lastGood: LastGoodStore(config: config))
        reader.read(files, copying: false)
        #expect(reader.diagnostics.isEmpty)
        #expect(reader.postings.count == 2)
    }

    @Test func underscoreFoldersAreSkippedEvenAtTheSiteRoot() throws {
        let site = try TemporarySite(config: TemporarySite.standardConfig + "\npostings: .\n")
        defer { site.remove() }
        try site.write("en/open-role.md", TemporarySite.posting("title: Open role\ndate: 2026-01-05"))
        try site.write("_drafts/en/secret-role.md", TemporarySite.posting("title: Secret role\ndate: 2026-01-05"))
        try site.write("_posts/en/other.md", TemporarySite.posting("title: Jekyll post\ndate: 2026-01-05"))
        let report = try site.build()
        #expect(report.count(.active, in: "en") == 1)
        #expect(site.read("feeds/en/rss.xml")?.contains("Secret role") == false)
        #expect(site.read("feeds/en/rss.xml")?.contains("Open role") == true)
    }
}
