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

    @Test func theBuildCommandExitsTwoWithoutTheFlag() throws {
        let (site, published) = try Self.emptiedSite()
        defer { site.remove() }
        #expect(CommandRunner.exitCode(["build", "--quiet", "--config", site.configURL.path]) == 2)
        #expect(OutputTree.published(below: site.root) == published)
        #expect(CommandRunner.exitCode(["build", "--quiet", "--allow-no-postings", "--config", site.configURL.path]) == 0)
        #expect(site.read("feeds/en/rss.xml")?.contains("<item>") == false)
    }
}
