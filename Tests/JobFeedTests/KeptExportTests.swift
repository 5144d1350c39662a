import Foundation
import Testing
import JobFeed
import JobFeedCore
import JobFeedPublishing

/// The site-wide exports (CSV, Indeed, the combined JSON-LD, the sitemap) are left as they
/// are, unrendered, when no published posting changed: an edit to a draft costs a cron build
/// or a watcher's rebuild none of their bytes. Whatever they are made from that did change
/// (a published posting's file, a status that "now" moved) has them rendered again.
@Suite struct KeptExportTests {
    static let postings = IncrementalBuildTests.postings.merging([
        "en/draft.md": TemporarySite.posting("title: Draft\ndate: 2026-04-01\ndraft: true"),
    ]) { $1 }
    static let exports = ["exports/postings.csv", "exports/indeed.xml", "exports/jobpostings.jsonld", "exports/sitemap.xml"]

    /// After an edit to the draft, the only cached parts the build looks up are the per-posting
    /// JSON-LD files' (one per active posting): the CSV's and Indeed's are not even looked up.
    @Test func anEditToADraftLeavesTheExportsUnrendered() throws {
        let site = try TemporarySite(postings: Self.postings)
        defer { site.remove() }
        let first = try site.build()
        let active = first.catalog.entries.count { $0.status == .active }
        #expect(active == 4 && first.catalog.entries.count == 4)
        try site.write("postings/en/draft.md", TemporarySite.posting("title: Draft, edited\ndate: 2026-04-01\ndraft: true"))
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
        let site = try TemporarySite(postings: Self.postings)
        defer { site.remove() }
        _ = try site.build()
        let later = Timestamp(seconds: 1_798_848_000)  // 2027-01-02, past the writer's 2026-12-31
        let report = try site.build(now: later)
        #expect(report.catalog.entries.count { $0.status == .expired } == 1)
        #expect(Self.exports.allSatisfy { export in report.files.written.contains { $0.hasSuffix(export) } })

        let fresh = try TemporarySite(postings: Self.postings)
        defer { fresh.remove() }
        _ = try fresh.build(now: later)
        for export in Self.exports { #expect(site.read(export) == fresh.read(export), "\(export)") }
    }
}
