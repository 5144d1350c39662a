import Foundation
import Testing
import JobFeed

/// A site generator's keys that hide a page (Hugo's `publishDate`, `expiryDate` and `Draft` in
/// any case, its build options and headless bundles, Jekyll's `published: false`), on a site whose config does not read them, still keep the job out of
/// every published file, with a warning at the key.
@Suite struct UnreadVisibilityKeysTests {
    static let secret = "HIDDEN-41c9"

    /// Each holds the posting back on 2026-11-18 (`TemporarySite.now`) on a site with no
    /// conventions: not yet published, or unpublished.
    static let heldBack = [
        "date: 2026-01-05\npublishDate: 2026-12-25",
        "date: 2026-01-05\npublishdate: 2026-11-18T12:00:00Z",
        "date: 2026-01-05\npublishDate: soon",
        "publishDate: 2099-02-01",
        "date: 2026-01-05\npublished: false",
        "date: 2026-01-05\nDraft: true",
        // Hugo's build options: no page of its own to link to.
        "date: 2026-01-05\n_build:\n  render: false",
        "date: 2026-01-05\nbuild:\n  render: never",
        "date: 2026-01-05\nbuild: {render: link}",
    ]

    /// Each has taken the posting's page down by 2026-11-18.
    static let expired = [
        "date: 2026-01-05\nexpiryDate: 2026-11-18",
        "date: 2026-01-05\nvalidThrough: 2027-01-01\nExpiryDate: 2026-10-01",
    ]

    @Test(arguments: heldBack)
    func aHeldBackPostingReachesNoPublishedFile(frontMatter: String) throws {
        let published = try Self.build(frontMatter)
        for (path, data) in published {
            #expect(!String(decoding: data, as: UTF8.self).contains(Self.secret), "\(path) holds a held-back posting's text")
        }
    }

    /// An expired job leaves the feeds, the JSON-LD and the sitemap; the CSV keeps it, as it
    /// keeps every expired job, marked expired.
    @Test(arguments: expired)
    func anExpiredPostingIsListedOnlyAsExpired(frontMatter: String) throws {
        let published = try Self.build(frontMatter)
        for (path, data) in published where path != "exports/postings.csv" {
            #expect(!String(decoding: data, as: UTF8.self).contains(Self.secret), "\(path) holds an expired posting's text")
        }
        let csv = String(decoding: try #require(published["exports/postings.csv"]), as: UTF8.self)
        let row = try #require(csv.split(separator: "\r\n").first { $0.contains(Self.secret) })
        #expect(row.contains(",expired,"))
    }

    /// A headless page bundle has no page; `headless` elsewhere means nothing to Hugo.
    @Test func aHeadlessBundleReachesNoPublishedFile() throws {
        for (path, data) in try Self.build("date: 2026-01-05\nheadless: true", at: "en/hidden/index.md") {
            #expect(!String(decoding: data, as: UTF8.self).contains(Self.secret), "\(path) holds a headless bundle's text")
        }
        var postings = BuildBehaviourTests.postings
        postings["en/page.md"] = TemporarySite.posting("title: Page \(Self.secret)\ndate: 2026-01-05\nheadless: true")
        let site = try TemporarySite(postings: postings)
        defer { site.remove() }
        _ = try site.build()
        #expect(site.read("feeds/en/rss.xml")?.contains(Self.secret) == true)
    }

    /// Builds the site with the posting, checks the warning at the key, and returns the published files.
    private static func build(_ frontMatter: String, at path: String = "en/hidden.md") throws -> [String: Data] {
        var postings = BuildBehaviourTests.postings
        postings[path] = TemporarySite.posting("title: Hidden \(secret)\n" + frontMatter, body: "Hidden \(secret).")
        let site = try TemporarySite(postings: postings)
        defer { site.remove() }
        let report = try site.build()
        #expect(report.diagnostics.contains { $0.severity == .warning && $0.location.file.hasSuffix(path) && $0.location.line != nil })
        #expect(!report.diagnostics.contains { $0.severity == .error })
        let published = OutputTree.published(below: site.root)
        #expect(published["feeds/en/rss.xml"] != nil)
        return published
    }

    /// A past `publishDate` later than `date` is the date the job went up; an expiry still ahead
    /// leaves the job open until then.
    @Test func aPassedPublishDateIsThePostingsDateAndALaterExpiryItsClose() throws {
        let site = try TemporarySite(postings: ["en/open.md": TemporarySite.posting(
            "title: Open\ndate: 2026-01-05\npublishDate: 2026-03-02\nexpiryDate: 2027-05-01")])
        defer { site.remove() }
        _ = try site.build()
        let jsonld = try #require(site.read("exports/jsonld/en/open.jsonld"))
        #expect(jsonld.contains("\"datePosted\" : \"2026-03-02\""))
        #expect(jsonld.contains("\"validThrough\" : \"2027-05-01\""))
    }

    /// Sites whose conventions read these keys get no warning for them: the keys are theirs.
    @Test func theConventionsThatReadTheKeysWarnOfNothing() throws {
        let hugo = try TemporarySite(config: TemporarySite.standardConfig + "\nconventions: hugo\n", postings: [
            "en/later.md": TemporarySite.posting("title: Later\ndate: 2026-01-05\npublishDate: 2026-12-25\nexpiryDate: 2027-01-01")])
        defer { hugo.remove() }
        let jekyll = try TemporarySite(config: TemporarySite.standardConfig + "\nconventions: jekyll\n", postings: [
            "en/unpublished.md": TemporarySite.posting("title: Unpublished\ndate: 2026-01-05\npublished: false")])
        defer { jekyll.remove() }
        for site in [hugo, jekyll] {
            let report = try site.build()
            #expect(!report.diagnostics.contains { $0.message.contains("Hugo's") || $0.message.contains("Jekyll") })
            #expect(site.read("feeds/en/rss.xml")?.contains("<item>") == false)
        }
    }
}
