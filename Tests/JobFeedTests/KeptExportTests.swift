import Foundation
import Testing
import JobFeed
import JobFeedCore
import JobFeedPublishing

/// The site-wide exports (CSV, Indeed, the combined JSON-LD, the sitemap) are left as they
/// are, unrendered, when no published posting changed: an edit to a draft or an embargoed
/// posting costs a cron build or a watcher's rebuild none of their bytes. Whatever they are made from that did change
/// (a published posting's file, a status that "now" moved) has them rendered again.
@Suite struct KeptExportTests {
    /// A posting no output holds, by its front matter: a draft, or one dated after "now"
    /// (embargoed).
    static let unpublished = ["draft: true\ndate: 2026-04-01", "date: 2027-06-01"]

    static func postings(with unpublished: String) -> [String: String] {
        IncrementalBuildTests.postings.merging(["en/unpublished.md": TemporarySite.posting("title: Unpublished\n" + unpublished)]) { $1 }
    }

    static let exports = ["exports/postings.csv", "exports/indeed.xml", "exports/jobpostings.jsonld", "exports/sitemap.xml"]

    /// After an edit to the unpublished posting, the only cached parts the build looks up are
    /// the per-posting JSON-LD files' (one per active posting): the CSV's and Indeed's are not
    /// even looked up.
    @Test(arguments: unpublished)
    func anEditToAnUnpublishedPostingLeavesTheExportsUnrendered(_ unpublished: String) throws {
        let site = try TemporarySite(postings: Self.postings(with: unpublished))
        defer { site.remove() }
        let first = try site.build()
        let active = first.catalog.entries.count { $0.status == .active }
        #expect(active == 4 && first.catalog.entries.count { $0.status.isPublished } == 4)
        try site.write("postings/en/unpublished.md", TemporarySite.posting("title: Unpublished, edited\n" + unpublished))
        let report = try site.build()
        #expect(report.partsCopied == active)
        #expect(report.files.written.isEmpty)
        #expect(OutputTree.published(below: site.root) == (try BuildCacheArchiveTests().freshOutputs(of: site)))
        // A published posting's edit renders them: the other postings' CSV records and Indeed
        // jobs are looked up again (and copied), and the three whose bytes hold the title are
        // written.
        try site.write("postings/en/tester.md", TemporarySite.posting("title: Tester, edited\ndate: 2026-03-01"))
        let edited = try site.build()
        #expect(edited.partsCopied >= 3 * (active - 1))
        #expect(Self.exports.dropLast().allSatisfy { export in edited.files.written.contains { $0.hasSuffix(export) } })
        #expect(OutputTree.published(below: site.root) == (try BuildCacheArchiveTests().freshOutputs(of: site)))
    }

    /// No file changes, but "now" passes the writer's `validThrough`: its status changes, and
    /// every export with it (the CSV's record says expired; Indeed, the JSON-LD and the sitemap
    /// drop it), as a fresh build at that "now" writes them.
    @Test func aStatusThatTimeChangesRendersTheExports() throws {
        let site = try TemporarySite(postings: Self.postings(with: Self.unpublished[0]))
        defer { site.remove() }
        _ = try site.build()
        let later = Timestamp(seconds: 1_798_848_000)  // 2027-01-02, past the writer's 2026-12-31
        let report = try site.build(now: later)
        #expect(report.catalog.entries.count { $0.status == .expired } == 1)
        #expect(Self.exports.allSatisfy { export in report.files.written.contains { $0.hasSuffix(export) } })

        let fresh = try TemporarySite(postings: Self.postings(with: Self.unpublished[0]))
        defer { fresh.remove() }
        _ = try fresh.build(now: later)
        for export in Self.exports { #expect(site.read(export) == fresh.read(export), "\(export)") }
    }
}
