import Foundation
import Testing
import JobFeed

/// A postings folder with no posting file in it, where the last build read some, is taken for
/// a folder not there yet (a volume not mounted on its mount point, a checkout under way):
/// publishing it would take every job offline. The build fails, every output as it was, until
/// the files are back, or a build is told the removal was meant.
@Suite(.serialized) struct EmptyPostingsFolderTests {
    static let refusal = "the postings folder holds no posting file, where the last build read 2"

    /// A site built once, whose posting files were then all removed (the folder kept).
    static func emptiedSite() throws -> (site: TemporarySite, published: [String: Data]) {
        let (site, published) = try TemporarySite.built(postings: ConfigBrokenPostingsTests.postings)
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("postings/en"))
        return (site, published)
    }

    @Test func anEmptiedFolderPublishesNothingUntilTheRemovalIsMeant() throws {
        let (site, published) = try Self.emptiedSite()
        defer { site.remove() }
        #expect { try site.build() } throws: { error in
            (error as? DiagnosticError)?.diagnostics.contains { $0.message.hasPrefix(Self.refusal) } == true
        }
        #expect(OutputTree.published(below: site.root) == published)
        var publisher = Publisher(config: try site.config(), now: TemporarySite.now)
        publisher.allowsNoPostings = true
        #expect(try publisher.build().count(.active, in: "en") == 0)
        #expect(site.read("feeds/en/rss.xml")?.contains("<item>") == false)
        // Meant once, the empty folder is what the site is: later builds publish it as it is.
        #expect(try site.build().count(.active, in: "en") == 0)
    }

    /// A site that never had postings builds as before.
    @Test func aSiteWithoutPostingsYetBuilds() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        #expect(try site.build().published)
    }

    static let bilingual = ConfigBrokenPostingsTests.postings.merging([
        "fr/concepteur.md": TemporarySite.posting("title: Concepteur\ndate: 2026-01-05"),
        "fr/redacteur.md": TemporarySite.posting("title: Rédacteur\ndate: 2026-02-01"),
    ]) { first, _ in first }
    static let languageRefusal = "no posting file's path names the language 'fr' (by its folder or a suffix), where the last build read 2"

    /// One language's folder gone (not mounted, a sync under way) would take its jobs offline
    /// alone: the build fails as for the whole folder, until the files are back or it is told.
    @Test func anEmptiedLanguageFolderPublishesNothingUntilTheRemovalIsMeant() throws {
        let (site, published) = try TemporarySite.built(postings: Self.bilingual)
        defer { site.remove() }
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("postings/fr"))
        #expect { try site.build() } throws: { error in
            (error as? DiagnosticError)?.diagnostics.contains { $0.message.hasPrefix(Self.languageRefusal) } == true
        }
        #expect(OutputTree.published(below: site.root) == published)
        #expect(CommandRunner.exitCode(["build", "--quiet", "--config", site.configURL.path]) == 2)
        #expect(OutputTree.published(below: site.root) == published)
        #expect(CommandRunner.exitCode(["build", "--quiet", "--allow-no-postings", "--config", site.configURL.path]) == 0)
        #expect(site.read("feeds/fr/rss.xml")?.contains("<item>") == false)
        let report = try site.build()
        #expect(report.count(.active, in: "en") == 2 && report.count(.active, in: "fr") == 0)
    }

    /// A language with a posting left publishes without it, and its last posting removed
    /// alone leaves it empty; one that never had postings, or whose postings name their
    /// language only in front matter, is not checked.
    @Test func aLanguageWithPostingsLeftBuilds() throws {
        let (site, _) = try TemporarySite.built(postings: Self.bilingual)
        defer { site.remove() }
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("postings/fr/redacteur.md"))
        #expect(try site.build().count(.active, in: "fr") == 1)
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("postings/fr/concepteur.md"))
        #expect(try site.build().count(.active, in: "fr") == 0)
        let (english, _) = try TemporarySite.built(postings: ConfigBrokenPostingsTests.postings)
        defer { english.remove() }
        #expect(try english.build().published)
        let declared = ConfigBrokenPostingsTests.postings.merging(["jobs/concepteur.md": TemporarySite.posting("title: Concepteur\ndate: 2026-01-05\nlang: fr")]) { first, _ in first }
        let (frontMatter, _) = try TemporarySite.built(postings: declared)
        defer { frontMatter.remove() }
        #expect(try frontMatter.build().count(.active, in: "fr") == 1)
        try FileManager.default.removeItem(at: frontMatter.root.appendingPathComponent("postings/jobs"))
        #expect(try frontMatter.build().count(.active, in: "fr") == 0)
    }

    @Test func theBuildCommandExitsTwoWithoutTheFlag() throws {
        let (site, published) = try Self.emptiedSite()
        defer { site.remove() }
        #expect(CommandRunner.exitCode(["build", "--quiet", "--config", site.configURL.path]) == 2)
        #expect(OutputTree.published(below: site.root) == published)
        #expect(CommandRunner.exitCode(["build", "--quiet", "--allow-no-postings", "--config", site.configURL.path]) == 0)
        #expect(site.read("feeds/en/rss.xml")?.contains("<item>") == false)
    }
}
