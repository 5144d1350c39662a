import Foundation
import Testing
@testable import JobFeedReading
import JobFeed

/// Jekyll's slugs, for the placeholders its permalinks become. The cases are Jekyll's own
/// documented examples (its `slugify` filter's and its tests'), and a dated file name.
@Suite struct JekyllSlugTests {
    @Test(arguments: [
        ("The _config.yml file", false, false, "the-config-yml-file"),
        ("The _config.yml file", true, false, "the-_config.yml-file"),
        ("The _config.yml file", true, true, "The-_config.yml-file"),
        (" Q*bert says @!#?@!", false, false, "q-bert-says"),
        (" Q*bert says @!#?@!", true, false, "q-bert-says-@!-@!"),
        ("The _cönfig.yml file", false, false, "the-cönfig-yml-file"),
        ("2026-10-01-Senior Dev (Remote)", false, false, "2026-10-01-senior-dev-remote"),
        ("Senior Dev (Remote)", true, true, "Senior-Dev-(Remote)"),
    ])
    func slugsAreJekylls(text: String, pretty: Bool, cased: Bool, slug: String) {
        #expect(JekyllSlug.slugify(text, pretty: pretty, cased: cased) == slug)
    }

    /// Dated file names as Jekyll's pattern reads them, `(\d{2,4}-\d{1,2}-\d{1,2})-(.*)`: month
    /// and day need no leading zero, a two-digit year is completed as Ruby does, and a name
    /// that only looks like a date (ten digits, a five-digit year, a three-digit day) is none.
    @Test(arguments: [
        ("2026-03-01-designer", JekyllFileName.Parts(2026, 3, 1, "designer")),
        ("2026-3-1-designer", .init(2026, 3, 1, "designer")),
        ("21-7-19-night-nurse", .init(2021, 7, 19, "night-nurse")),
        ("99-12-31-y2k", .init(1999, 12, 31, "y2k")),
        ("2026-10-01-Senior Dev (Remote)", .init(2026, 10, 1, "Senior Dev (Remote)")),
        ("2026-03-01-2026-03-02-twice", .init(2026, 3, 1, "2026-03-02-twice")),
        ("1234567890-x", nil),
        ("12026-03-01-x", nil),
        ("2026-03-001-x", nil),
        ("2026-003-01-x", nil),
        ("2-03-01-x", nil),
        ("2026-03-01", nil),
        ("2026-03-01-", nil),
        ("designer", nil),
    ])
    func datedNamesAreJekylls(name: String, parts: JekyllFileName.Parts?) {
        #expect(JekyllFileName(name).map(JekyllFileName.Parts.init) == parts)
    }

    /// A collection's permalink as init writes it: Jekyll's tokens, longest first, a built-in
    /// style as its pattern, and a token jobfeed does not fill left for init to ask about.
    @Test(arguments: [
        ("/jobs/:year/:month/:day/:title:output_ext", "jobs/{year}/{month}/{day}/{jekyllTitle}.html"),
        ("/:collection/:short_year/:i_month/:y_day/:name/", "jobs/{short_year}/{i_month}/{y_day}/{file}/"),
        ("/:collection/:long_month-:i_day/:slug/", "jobs/{long_month}-{i_day}/{name}/"),
        ("pretty", ":categories/{year}/{month}/{day}/{jekyllTitle}/"),
        ("/:collection/:path:output_ext", "jobs/{jekyllPath}.html"),
    ])
    func permalinksBecomeTemplates(pattern: String, template: String) {
        #expect(SiteInit.jekyllTemplate(pattern, collection: "jobs") == template)
    }

    /// A dated collection permalink: each posting's date (from its front matter, else its file
    /// name) in the site's time zone.
    @Test func datedPermalinksTakeEachPostingsDate() throws {
        let (root, initialised, config) = try SiteFixtureTests.initialised("jekyll", editing: "_config.yml") {
            $0.replacingOccurrences(of: "permalink: /jobs/:title/", with: "permalink: /jobs/:year/:i_month/:title:output_ext")
        }
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(!initialised.questions.contains { $0.contains("does not fill") })
        let report = try Publisher(config: config, now: try #require(DateParser(timeZone: .gmt).parse("2026-11-29T12:00:00-06:00"))).build()
        #expect(report.catalog.entries.contains { $0.posting.url == "https://www.prairielabs.example/careers/jobs/2026/10/backend-developer.html" })
        #expect(report.catalog.entries.contains { $0.posting.url == "https://www.prairielabs.example/careers/jobs/2026/11/Senior-Developer-(Remote).html" })
    }

    /// A collection renders no page per document unless `output: true`: init says so.
    @Test(arguments: [("output: true", false), ("output: false", true)])
    func initAsksAboutACollectionWithNoPages(output: String, asks: Bool) throws {
        let (root, initialised, _) = try SiteFixtureTests.initialised("jekyll", editing: "_config.yml") { $0.replacingOccurrences(of: "output: true", with: output) }
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(initialised.questions.contains { $0.contains("renders no page for each document") } == asks)
    }

    /// A collection with no permalink of its own: Jekyll's `/:collection/:path` (the file's
    /// name as written, its date kept), ending as the site's permalink style says.
    @Test(arguments: [("", "2026-10-01-backend-developer.html"), ("permalink: pretty\n", "2026-10-01-backend-developer/")])
    func aCollectionWithoutAPermalinkIsAtItsPath(siteStyle: String, page: String) throws {
        let (root, _, config) = try SiteFixtureTests.initialised("jekyll", editing: "_config.yml") {
            siteStyle + $0.replacingOccurrences(of: "    permalink: /jobs/:title/\n", with: "")
        }
        defer { try? FileManager.default.removeItem(at: root) }
        let report = try Publisher(config: config, now: try #require(DateParser(timeZone: .gmt).parse("2026-11-29T12:00:00-06:00"))).build()
        #expect(report.catalog.entries.contains { $0.posting.url == "https://www.prairielabs.example/careers/jobs/" + page })
    }
}

extension JekyllFileName {
    /// What a dated name holds, to compare in the tests.
    struct Parts: Equatable, Sendable, CustomTestStringConvertible {
        var year: Int, month: Int, day: Int, slug: String

        init(_ year: Int, _ month: Int, _ day: Int, _ slug: String) {
            (self.year, self.month, self.day, self.slug) = (year, month, day, slug)
        }

        init(_ name: JekyllFileName) {
            self.init(name.year, name.month, name.day, name.slug)
        }

        var testDescription: String { "\(year)-\(month)-\(day) \(slug)" }
    }
}
