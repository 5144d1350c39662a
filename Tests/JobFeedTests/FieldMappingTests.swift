import Foundation
import Testing
import JobFeed

/// Real sites name and nest their fields their own way; the config's mapping and the site
/// generator's conventions absorb that.
@Suite struct FieldMappingTests {
    static let gmt = DateParser(timeZone: .gmt)

    func site(_ extra: String, _ postings: [String: String]) throws -> TemporarySite {
        try TemporarySite(config: TemporarySite.standardConfig + "\n" + extra, postings: postings)
    }

    func entry(_ report: BuildReport, _ slug: String) throws -> CatalogEntry {
        try #require(report.catalog.entries.first { $0.posting.slug == slug })
    }

    @Test func dottedPathsReachIntoNestedMapsAndListsAreTriedInOrder() throws {
        let site = try site("""
            fields:
              city: location.city
              region: location.region
              country: location.country
              category: [tags, categories]
            """, ["en/a.md": TemporarySite.posting("title: A\ndate: 2026-01-05\nlocation: {city: Ottawa, region: ON, country: CA}\ncategories: [Design]"),
                  "en/b.md": TemporarySite.posting("title: B\ndate: 2026-01-05\ntags: [Engineering]\ncategories: [Ignored]")])
        defer { site.remove() }
        let report = try site.build()
        #expect(try entry(report, "a").posting.locations.first?.city == "Ottawa")
        #expect(try entry(report, "a").posting.locations.first?.region == "ON")
        #expect(try entry(report, "a").posting.categories == ["Design"])
        #expect(try entry(report, "b").posting.categories == ["Engineering"])
    }

    @Test func aSitesOwnStatusWordsDecideTheStatus() throws {
        let site = try site("""
            fields:
              status: {from: state, values: {closed: archived, upcoming: draft, open: active}}
            """, ["en/open.md": TemporarySite.posting("title: Open\ndate: 2026-01-05\nstate: ' Open '"),
                  "en/closed.md": TemporarySite.posting("title: Closed\ndate: 2026-01-05\nstate: CLOSED"),
                  "en/upcoming.md": TemporarySite.posting("title: Upcoming\ndate: 2026-01-05\nstate: upcoming"),
                  "en/odd.md": TemporarySite.posting("title: Odd\ndate: 2026-01-05\nstate: pending")])
        defer { site.remove() }
        let report = try site.build()
        #expect(try entry(report, "open").status == .active)
        #expect(try entry(report, "closed").status == .archived)
        #expect(report.catalog.entries.allSatisfy { $0.posting.slug != "upcoming" })
        #expect(report.diagnostics.contains { $0.message == "'state' is 'pending', which the config does not map; known values: closed, open, upcoming" })
    }

    @Test func aCanonicalKeyTheSiteRenamedIsReportedNotSilentlyIgnored() throws {
        let site = try site("fields:\n  validThrough: closes", [
            "en/a.md": TemporarySite.posting("title: A\ndate: 2026-01-05\ncloses: 2026-12-31\nvalidThrough: tbd")])
        defer { site.remove() }
        let report = try site.build()
        #expect(report.diagnostics.contains { $0.message.hasPrefix("'validThrough' is not read on this site: the config takes validThrough from 'closes'") && $0.line == 5 })
    }

    @Test func placeholdersAreNoValueAndAnUndatedPostingIsNeitherEarlyNorLate() throws {
        let site = try site("fields:\n  date: opens\n  validThrough: closes", [
            "en/a.md": TemporarySite.posting("title: A\ncloses: 2026-12-31\napplyUrl: TBD"),
            "en/b.md": TemporarySite.posting("title: B\nopens: XXX\ncloses: tbd")])
        defer { site.remove() }
        // The files were written just now, after this "now": an undated file is still live.
        let report = try site.build(now: Self.gmt.parse("2026-11-18")!)
        #expect(!report.hasErrors)
        #expect(report.count(.active, in: "en") == 2)
        #expect(!report.diagnostics.contains { $0.message.contains("before the posting's date") })
        #expect(report.diagnostics.contains { $0.message == "'opens' is 'XXX', a placeholder: read as not given yet" })
    }

    @Test func hugoSitesExpireAtTheStartOfTheDayReadKeysInAnyCaseAndWaitForPublishDate() throws {
        let site = try site("conventions: hugo", [
            "en/bare.md": TemporarySite.posting("title: Bare\ndate: 2026-01-05\nexpiryDate: 2026-11-18"),
            "en/lower.md": TemporarySite.posting("title: Lower\ndate: 2026-01-05\nexpirydate: 2026-11-17"),
            "en/later.md": TemporarySite.posting("title: Later\ndate: 2026-01-05\npublishDate: 2026-12-01"),
            "en/live.md": TemporarySite.posting("title: Live\nDate: 2026-01-05\nTags: [Design]")])
        defer { site.remove() }
        // The site's zone is Toronto: 2026-11-18 begins at 05:00 UTC, and so does the expiry.
        let report = try site.build(now: Self.gmt.parse("2026-11-18T05:00:01Z")!)
        #expect(try entry(report, "bare").status == .expired)
        #expect(try entry(report, "lower").status == .expired)
        #expect(report.catalog.entries.allSatisfy { $0.posting.slug != "later" })
        #expect(try entry(report, "live").status == .active)
        #expect(try entry(report, "live").posting.categories == ["Design"])
    }

    @Test func aDefaultLanguageNeverOverridesAFolderOrSuffix() throws {
        let site = try site("defaultLanguage: fr", [
            "plain.md": TemporarySite.posting("title: Plain\ndate: 2026-01-05"),
            "jobs/suffixed.en.md": TemporarySite.posting("title: Suffixed\ndate: 2026-01-05"),
            "en/foldered.md": TemporarySite.posting("title: Foldered\ndate: 2026-01-05")])
        defer { site.remove() }
        let report = try site.build()
        #expect(try entry(report, "plain").posting.language == "fr")
        #expect(try entry(report, "jobs/suffixed").posting.language == "en")
        #expect(try entry(report, "foldered").posting.language == "en")
    }

    /// A Jekyll site dates a posting by its file name, as Jekyll reads it (`\d{2,4}-\d{1,2}-\d{1,2}-`:
    /// `2026-3-1-` is a date too) and publishes it at the slug after the date; a name whose
    /// digits are no date keeps them in its slug; `published: false` is a draft.
    @Test func jekyllSitesDateFromTheFileNameAndHonourPublishedFalse() throws {
        let site = try site("conventions: jekyll", [
            "en/2026-03-01-designer.md": TemporarySite.posting("title: Designer"),
            "en/2026-3-4-analyst.md": TemporarySite.posting("title: Analyst"),
            "en/1234567890-tester.md": TemporarySite.posting("title: Tester\ndate: 2026-03-02"),
            "en/2026-03-02-hidden.md": TemporarySite.posting("title: Hidden\npublished: false")])
        defer { site.remove() }
        let report = try site.build()
        let designer = try entry(report, "designer")
        #expect(designer.posting.datePosted.seconds == Self.gmt.parse("2026-03-01T05:00:00Z")!.seconds)
        #expect(designer.posting.url == "https://jobs.example.org/en/jobs/designer/")
        let analyst = try entry(report, "analyst")
        #expect(analyst.posting.datePosted.seconds == Self.gmt.parse("2026-03-04T05:00:00Z")!.seconds)
        #expect(analyst.posting.url == "https://jobs.example.org/en/jobs/analyst/")
        #expect(try entry(report, "1234567890-tester").posting.url == "https://jobs.example.org/en/jobs/1234567890-tester/")
        #expect(report.catalog.entries.allSatisfy { $0.posting.slug != "hidden" })
    }
}
