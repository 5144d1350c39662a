import Foundation
import Testing
@testable import JobFeedReading
import JobFeed

/// Slugs under `conventions: hugo` are the paths Hugo gives its pages. Each expected path is
/// what Hugo 0.111.3 (Debian's) wrote for a content file of that name, or with that `slug:`.
@Suite struct HugoPathTests {
    @Test(arguments: [
        ("Senior-Designer", "senior-designer"), ("développeur principal (#2)", "développeur-principal-#2"),
        ("Data_Analyst v2", "data_analyst-v2"), ("café.crème", "café.crème"), ("UPPER case", "upper-case"),
        (" lead", "-lead"), ("trail ", "trail-"), ("a  b", "a-b"), ("a\tb", "a-b"), ("a\u{3000}b", "a-b"), ("a b ", "a-b-"),
        ("a&b", "ab"), ("a'b", "ab"), ("a,b", "ab"), ("a!b?c", "abc"), ("a[b]{c}", "abc"), ("a=b;c", "abc"), ("a$b^c", "abc"),
        ("a - b", "a-b"), ("a -b", "a-b"), ("a- b", "a-b"), ("a--b", "a--b"), ("a -- b", "a--b"), ("a_ b", "a_-b"), ("a. b", "a.-b"),
        ("(a) b", "a-b"), ("a (b)", "a-b"), ("emoji 🚀 job", "emoji-job"), ("x·y z", "xy-z"), ("a：b", "ab"), ("a–b—c", "abc"),
        ("a+b", "a+b"), ("a@b", "a@b"), ("a~b", "a~b"), ("a#b", "a#b"), ("a\\b", "a\\b"), ("a.b.c", "a.b.c"),
        ("a%41b", "a%41b"), ("a%4", "a4"), ("a%zzb", "azzb"), ("50% off", "50-off"),
        ("Ab Cd", "ab-cd"), ("ÀÉÎ", "àéî"), ("Ünïcödé Straße", "ünïcödé-straße"), ("职位 招聘", "职位-招聘"),
        ("İstanbul", "istanbul"), ("ǅemal", "ǆemal"),
        ("My Slug (X)", "my-slug-x"), ("Big Section/Some Job", "big-section/some-job"), ("İstanbul Straße ÀB", "istanbul-straße-àb"),
    ])
    func pathsAreHugos(name: String, hugo: String) {
        #expect(HugoPath().sanitized(name) == hugo)
    }

    /// The same with the site's `disablePathToLower: true` and `removePathAccents: true`.
    @Test(arguments: [("My Slug (X)", "My-Slug-X"), ("Big Section/Some Job", "Big-Section/Some-Job"), ("İstanbul Straße ÀB", "Istanbul-Straße-AB")])
    func pathsKeepTheirCaseAndLoseAccentsWhenTheSiteSaysSo(name: String, hugo: String) {
        #expect(HugoPath(toLower: false, removeAccents: true).sanitized(name) == hugo)
    }

    /// Before, a Hugo site's `Senior Designer (Ottawa).md` was linked as
    /// `Senior%20Designer%20(Ottawa)/`, a page Hugo never made.
    @Test func aHugoSitesPostingsLinkToThePagesHugoMade() throws {
        let posting = TemporarySite.posting("title: Senior designer\ndate: 2026-01-05")
        let site = try TemporarySite(config: TemporarySite.standardConfig + "\nconventions: hugo\n", postings: [
            "en/Senior Designer (Ottawa).md": posting, "en/Careers Page/Data Analyst.md": posting,
        ])
        defer { site.remove() }
        let report = try site.build()
        #expect(!report.hasErrors)
        #expect(Set(report.catalog.entries.map(\.posting.url)) == [
            "https://jobs.example.org/en/jobs/senior-designer-ottawa/", "https://jobs.example.org/en/jobs/careers-page/data-analyst/",
        ])
        #expect(site.read("exports/jsonld/en/senior-designer-ottawa.jsonld") != nil)
        try site.write("jobfeed.yml", TemporarySite.standardConfig + "\nconventions: hugo\ndisablePathToLower: true\n")
        #expect(try site.build().catalog.entries.contains { $0.posting.url == "https://jobs.example.org/en/jobs/Senior-Designer-Ottawa/" })
    }

    @Test func hugosPathRulesNeedHugosConventions() throws {
        let site = try TemporarySite(config: TemporarySite.standardConfig + "\ndisablePathToLower: true\n", postings: [:])
        defer { site.remove() }
        let error = try #require(throws: DiagnosticError.self) { try site.build() }
        #expect(error.description.contains("set 'conventions: hugo'"))
    }

    /// `init` carries the Hugo site's own path rules into the config it writes.
    @Test func initCarriesTheSitesPathRules() throws {
        let (root, _, config) = try SiteFixtureTests.initialised("hugo", editing: "hugo.toml") { "disablePathToLower = true\nremovePathAccents = true\n" + $0 }
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(config.disablePathToLower && config.removePathAccents)
        let report = try Publisher(config: config, now: try #require(DateParser(timeZone: .gmt).parse("2026-11-29"))).build()
        #expect(report.catalog.entries.contains { $0.posting.url == "https://careers.example.com/fr/jobs/Developpeur-principal-Kitchener/" })
    }

    /// A page's own `url:` is where Hugo puts it, below the base URL's path; one Hugo cannot
    /// take (a full URL: Hugo stops) leaves the posting at the template's URL, with a warning.
    @Test func aPagesOwnURLIsWhereItsPostingLinks() throws {
        let config = TemporarySite.standardConfig.replacingOccurrences(of: "https://jobs.example.org/", with: "https://jobs.example.org/site/")
        let site = try TemporarySite(config: config + "\nconventions: hugo\n", postings: [
            "en/own.md": TemporarySite.posting("title: Own\ndate: 2026-01-05\nURL: /en/special/Own Page/"),
            "en/full.md": TemporarySite.posting("title: Full\ndate: 2026-01-05\nurl: https://elsewhere.example/full/"),
            "en/relative.md": TemporarySite.posting("title: Relative\ndate: 2026-01-05\nurl: en/a/../relative/./x/"),
        ])
        defer { site.remove() }
        let report = try site.build()
        #expect(Set(report.catalog.entries.map(\.posting.url)) == [
            "https://jobs.example.org/site/en/special/Own%20Page/", "https://jobs.example.org/site/en/jobs/full/",
            // Hugo 0.111 put `url: en/a/../relative/./x/` at `en/relative/x/` below the base URL.
            "https://jobs.example.org/site/en/relative/x/",
        ])
        #expect(report.diagnostics.contains { $0.severity == .warning && $0.file.hasSuffix("full.md") && $0.message.contains("'url' is not a path on the site") })
    }

    /// A section's `permalinks:` in the Hugo config: `init` writes it as the URL template,
    /// and the feeds link to the pages Hugo itself lists (`hugo list all`).
    @Test(.enabled(if: SiteFixtureTests.hugo != nil, "skipped: Debian's hugo is not installed (make test installs it)"),
          arguments: ["/careers/:year/:month/:slug/", "/:section/:title/", "/:sections/:filename/", "/jobs/:slugorfilename/",
                      "/:monthname/:weekdayname/:yearday/:day/:weekday/:title/"])
    func hugosPermalinksAreFollowed(pattern: String) throws {
        let (root, _, config) = try SiteFixtureTests.initialised("hugo", editing: "hugo.toml") { $0 + "\n[permalinks]\n  jobs = \"\(pattern)\"\n" }
        defer { try? FileManager.default.removeItem(at: root) }
        let moment = "2026-11-29T12:00:00-05:00"
        let (urls, _) = try SiteFixtureTests().published(config, at: moment)
        let expected = SiteFixtureTests.hugoPublished(try #require(SiteFixtureTests.hugo), site: root, clock: moment)
        #expect(!expected.isEmpty)
        #expect(urls == expected)
    }

    /// Hugo's default: the default language's pages at the site's root (`/jobs/x/`), the
    /// others under `/fr/`. init writes `defaultLanguageInSubdir: false` and `{langPrefix}`,
    /// and the feeds link where Hugo lists the pages; the feeds' listing links too.
    @Test(.enabled(if: SiteFixtureTests.hugo != nil, "skipped: Debian's hugo is not installed (make test installs it)"))
    func theDefaultLanguageAtTheSitesRootIsFollowed() throws {
        let (root, _, config) = try SiteFixtureTests.initialised("hugo", editing: "hugo.toml") {
            $0.replacingOccurrences(of: "defaultContentLanguageInSubdir = true", with: "")
        }
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(!config.defaultLanguageInSubdir && config.defaultLanguage == "en")
        let moment = "2026-11-29T12:00:00-05:00"
        let (urls, _) = try SiteFixtureTests().published(config, at: moment)
        let expected = SiteFixtureTests.hugoPublished(try #require(SiteFixtureTests.hugo), site: root, clock: moment)
        #expect(expected.contains("https://careers.example.com/jobs/designer/"))
        #expect(urls == expected)
        let rss = try String(contentsOf: root.appendingPathComponent("feeds/en/rss.xml"), encoding: .utf8)
        #expect(rss.contains("<link>https://careers.example.com/jobs/</link>"))
    }
}
