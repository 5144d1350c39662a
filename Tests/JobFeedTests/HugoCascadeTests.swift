import Foundation
import Testing
@testable import JobFeedReading
import JobFeed

/// Hugo's `cascade:` under `conventions: hugo`: a section page's front matter for the pages
/// below it, in its language, a page's own keys and a nearer section's winning; `_target`
/// globs narrow it. The rules are Hugo's documented ones, checked for the plain forms against
/// Hugo 0.111 (the Hugo test site; Hugo 0.111 applied `_target` inconsistently from run to run).
@Suite struct HugoCascadeTests {
    static let config = TemporarySite.standardConfig + """

        postings: content/jobs
        conventions: hugo
        defaultLanguage: en
        fields:
          category: params.team
        """

    static func page(_ front: String) -> String { "---\ntitle: Section\n\(front)\n---\n" }
    static func posting(_ title: String, _ front: String = "") -> String {
        TemporarySite.posting("title: \(title)\ndate: 2026-10-01\n\(front)", body: "The job.")
    }

    @Test func aCascadeReachesThePagesBelowItInItsLanguageOwnAndNearerKeysWinning() throws {
        let site = try TemporarySite(config: Self.config)
        defer { site.remove() }
        try site.write("content/_index.md", Self.page("cascade:\n  employmentType: PART_TIME"))
        try site.write("content/jobs/_index.md", Self.page("cascade:\n  expiryDate: 2027-01-31\n  params: {team: Operations}"))
        try site.write("content/jobs/eng/_index.md", Self.page("cascade:\n  expiryDate: 2027-03-31\n  params: {team: Engineering}"))
        try site.write("content/jobs/eng/_index.fr.md", Self.page("cascade:\n  draft: true"))
        try site.write("content/jobs/clerk.md", Self.posting("Clerk"))
        try site.write("content/jobs/clerk.fr.md", Self.posting("Commis"))
        try site.write("content/jobs/eng/developer.md", Self.posting("Developer", "params: {level: senior}"))
        try site.write("content/jobs/eng/developer.fr.md", Self.posting("Développeur"))
        try site.write("content/jobs/eng/contractor.md", Self.posting("Contractor", "expiryDate: 2027-02-28\nemploymentType: CONTRACTOR"))
        let report = try site.build()
        #expect(!report.hasErrors, "\(report.diagnostics)")
        let day = { (text: String) in DateParser(timeZone: TimeZone(identifier: "America/Toronto")!).parse(text) }
        let clerk = try #require(report.posting(titled: "Clerk", in: "en"))
        #expect(clerk.employmentTypes == [.partTime] && clerk.validThrough == day("2027-01-31") && clerk.categories == ["Operations"])
        // The home page's cascade is the default language's: the French page keeps the default.
        #expect(report.posting(titled: "Commis", in: "fr")?.employmentTypes == [.fullTime])
        // Nearer sections win, and `params:` is inherited key by key beside the page's own.
        let developer = try #require(report.posting(titled: "Developer", in: "en"))
        #expect(developer.validThrough == day("2027-03-31") && developer.categories == ["Engineering"] && developer.employmentTypes == [.partTime])
        let contractor = try #require(report.posting(titled: "Contractor", in: "en"))
        #expect(contractor.validThrough == day("2027-02-28") && contractor.employmentTypes == [.contractor])
        // The French section's `draft: true` holds back its French page only.
        #expect(report.posting(titled: "Développeur", in: "fr") == nil && report.posting(titled: "Commis", in: "fr") != nil)
        #expect(site.read("feeds/fr/rss.xml")?.contains("Développeur") == false)
        #expect(site.read("feeds/en/rss.xml")?.contains("Developer") == true)
    }

    @Test func aTargetedCascadeReachesOnlyThePagesItsGlobsMatch() throws {
        let site = try TemporarySite(config: Self.config)
        defer { site.remove() }
        try site.write("content/jobs/_index.md", Self.page("""
            cascade:
              - draft: true
                _target: {path: /jobs/internal/**}
              - employmentType: TEMPORARY
                _target: {path: '{/jobs/summer-*,/jobs/seasonal/**}', lang: en}
              - employmentType: VOLUNTEER
                _target: {kind: section}
              - expiryDate: 2020-01-01
                target: {environment: development}
            """))
        try site.write("content/jobs/internal/auditor.md", Self.posting("Auditor"))
        try site.write("content/jobs/Summer-Intern.md", Self.posting("Summer Intern"))
        try site.write("content/jobs/seasonal/guide/index.md", Self.posting("Guide"))
        try site.write("content/jobs/summer/lead.md", Self.posting("Lead"))
        let report = try site.build()
        #expect(!report.hasErrors, "\(report.diagnostics)")
        #expect(report.posting(titled: "Auditor", in: "en") == nil && site.read("feeds/en/rss.xml")?.contains("Auditor") == false)
        // Paths are matched in lower case, without the extension nor a bundle's `index`.
        #expect(report.posting(titled: "Summer Intern", in: "en")?.employmentTypes == [.temporary])
        #expect(report.posting(titled: "Guide", in: "en")?.employmentTypes == [.temporary])
        // `*` stops at a `/`; a kind other than `page` and another environment match no posting.
        let lead = try #require(report.posting(titled: "Lead", in: "en"))
        #expect(lead.employmentTypes == [.fullTime] && lead.validThrough == nil && !lead.isDraft)
    }

    /// `init` surveys the front matter as the build reads it: a place that every job inherits
    /// from its section is mapped, rather than every job being an error for want of one.
    @Test func initMapsTheFieldsThePostingsInherit() throws {
        let root = ScratchPath.unused("site-hugo-cascade")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.copyItem(at: SiteFixtureTests.sites.appendingPathComponent("hugo"), to: root)
        let jobs = root.appendingPathComponent("content/jobs")
        for relative in try FileManager.default.subpathsOfDirectory(atPath: jobs.path) where relative.hasSuffix(".md") {
            let path = jobs.path + "/" + relative
            let text = try String(contentsOfFile: path, encoding: .utf8)
            try Data(text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("location") }.joined(separator: "\n").utf8)
                .write(to: URL(fileURLWithPath: path))
        }
        try Data(Self.page("cascade:\n  location: {city: Ottawa, region: ON, country: CA}").utf8).write(to: jobs.appendingPathComponent("_index.md"))
        try Data(Self.page("cascade:\n  location: {city: Gatineau, region: QC, country: CA}").utf8).write(to: jobs.appendingPathComponent("_index.fr.md"))
        let result = SiteInit(root: root).run()
        try Data(result.configText.utf8).write(to: root.appendingPathComponent("jobfeed.yml"))
        let config = try Config.load(from: root.appendingPathComponent("jobfeed.yml"))
        let report = try Publisher(config: config, now: try #require(DateParser(timeZone: .gmt).parse("2026-11-29"))).build()
        #expect(!report.hasErrors, "\(report.diagnostics.filter { $0.severity == .error })")
        let cities = Dictionary(grouping: report.catalog.entries.map(\.posting), by: \.language).mapValues { Set($0.flatMap(\.locations).map(\.singleLine)) }
        #expect(cities["en"] == ["Ottawa, ON, CA", "Montréal, QC, CA", "Toronto, ON, CA"] && cities["fr"] == ["Gatineau, QC, CA"], "\(cities)")
    }

    /// A cascade in Hugo's site config, in each form its TOML takes, is applied as Hugo 0.111
    /// applies it: the published set equals Hugo's (a `draft = true` for every page, or for the
    /// French ones; the one posting that says `draft = false` itself stays).
    @Test(.enabled(if: SiteFixtureTests.hugo != nil, "skipped: Debian's hugo is not installed (make test installs it)"),
          arguments: [("[cascade]\n  draft = true", false), ("[[cascade]]\n  draft = true\n  [cascade._target]\n    path = '/jobs/**'", false),
                      ("cascade = {draft = true}", true), ("[languages.fr.cascade]\n  draft = true", false)])
    func aCascadeInTheHugoConfigIsApplied(addition: String, atTheTop: Bool) throws {
        let (root, _, config) = try SiteFixtureTests.initialised("hugo", editing: "hugo.toml") {
            atTheTop ? addition + "\n" + $0 : $0 + "\n" + addition + "\n"
        }
        defer { try? FileManager.default.removeItem(at: root) }
        let moment = "2026-11-29T12:00:00-05:00"
        let (urls, _) = try SiteFixtureTests().published(config, at: moment)
        #expect(urls == SiteFixtureTests.hugoPublished(try #require(SiteFixtureTests.hugo), site: root, clock: moment))
        #expect(addition.contains("fr") ? urls.count > 1 && urls.allSatisfy { $0.contains("/en/") } : urls == ["https://careers.example.com/en/jobs/policy-analyst/"])
    }

    /// `init` surveys the front matter as the build reads it, with the cascade of Hugo's config
    /// in its config folder: a place every job takes from there is mapped.
    @Test func initMapsWhatTheConfigFoldersCascadeGives() throws {
        let root = ScratchPath.unused("site-config-folder-cascade")
        defer { try? FileManager.default.removeItem(at: root) }
        let write = { (path: String, text: String) in
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        try write("config/_default/hugo.toml", "baseURL = 'https://jobs.example.org/'\nlanguageCode = 'en-ca'\ntitle = 'Jobs'\n[cascade.location]\n  city = 'Ottawa'\n  region = 'ON'\n  country = 'CA'\n")
        try write("content/jobs/analyst.md", Self.posting("Analyst", "employment_type: Full-time"))
        try write("content/jobs/clerk.md", Self.posting("Clerk", "employment_type: Part-time"))
        let result = SiteInit(root: root).run()
        try Data(result.configText.utf8).write(to: root.appendingPathComponent("jobfeed.yml"))
        let report = try Publisher(config: try Config.load(from: root.appendingPathComponent("jobfeed.yml")),
                                   now: try #require(DateParser(timeZone: .gmt).parse("2026-11-29"))).build()
        #expect(!report.hasErrors, "\(report.diagnostics.filter { $0.severity == .error })")
        #expect(report.catalog.entries.map { $0.posting.locations.map(\.singleLine) } == [["Ottawa, ON, CA"], ["Ottawa, ON, CA"]])
    }

    /// What Hugo 0.111 does with a cascade in its config (checked with `hugo list`): the home
    /// page's cascade wins over it, keys under `params` are inherited one by one, and a
    /// language's own cascade takes the place of the site's for that language's pages.
    @Test func theHugoConfigsCascadeIsTheFarthest() throws {
        let site = try TemporarySite(config: Self.config)
        defer { site.remove() }
        try site.write("hugo.yaml", "title: Careers\ncascade:\n  expiryDate: 2026-12-10\n  employmentType: PART_TIME\n  params: {team: Config}\nlanguages:\n  fr:\n    cascade: {expiryDate: 2026-12-01}\n")
        try site.write("content/_index.md", Self.page("cascade:\n  expiryDate: 2026-12-05"))
        try site.write("content/jobs/analyst.md", Self.posting("Analyst"))
        try site.write("content/jobs/analyste.fr.md", Self.posting("Analyste"))
        let report = try site.build()
        let zone = TimeZone(identifier: "America/Toronto")!
        let analyst = try #require(report.posting(titled: "Analyst"))
        #expect(analyst.validThrough == DateParser(timeZone: zone).parse("2026-12-05") && analyst.employmentTypes == [.partTime])
        #expect(analyst.categories == ["Config"])
        let analyste = try #require(report.posting(titled: "Analyste"))
        #expect(analyste.validThrough == DateParser(timeZone: zone).parse("2026-12-01") && analyste.employmentTypes == [.fullTime])
        // Hugo's config split under config/: read only to refuse a cascade there.
        try site.write("config/_default/params.toml", "team = 'Careers'\n")
        #expect(throws: Never.self) { try Config.load(from: site.configURL) }
        try site.write("config/_default/cascade.toml", "draft = true\n")
        let split = #expect(throws: DiagnosticError.self) { try Config.load(from: site.configURL) }
        #expect(split?.diagnostics.first?.description.contains("config/_default/cascade.toml: error: Hugo's config folder sets a cascade") == true, "\(split?.diagnostics ?? [])")
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("config"))
        try site.write("hugo.yaml", "title: Careers\ncascade: [{draft: true}\n")
        let error = #expect(throws: DiagnosticError.self) { try Config.load(from: site.configURL) }
        #expect(error?.diagnostics.first?.description.contains("hugo.yaml:3:1: error: invalid YAML") == true, "\(error?.diagnostics ?? [])")
    }

    /// Hugo's `ignoreFiles`, regular expressions matched against a file's or folder's absolute
    /// path, leave out what Hugo makes no page for: the published set equals Hugo's. One that is
    /// not a regular expression stops the build at its line.
    @Test(.enabled(if: SiteFixtureTests.hugo != nil, "skipped: Debian's hugo is not installed (make test installs it)"))
    func hugosIgnoredFilesAreNotPublished() throws {
        let (root, result, config) = try SiteFixtureTests.initialised("hugo", editing: "hugo.toml") { "ignoreFiles = ['template\\.md$', 'montreal$']\n" + $0 }
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(!result.questions.contains { $0.contains("ignoreFiles") }, "\(result.questions)")
        try Data(Self.posting("Job Template").utf8).write(to: root.appendingPathComponent("content/jobs/job-template.md"))
        let moment = "2026-11-29T12:00:00-05:00"
        let (urls, report) = try SiteFixtureTests().published(config, at: moment)
        #expect(urls == SiteFixtureTests.hugoPublished(try #require(SiteFixtureTests.hugo), site: root, clock: moment))
        #expect(report.posting(titled: "Job Template") == nil && report.posting(titled: "Support Agent") == nil && report.posting(titled: "Product Designer") != nil)
        let hugoConfig = root.appendingPathComponent("hugo.toml")
        try Data(("ignoreFiles = ['(unclosed']\n" + String(contentsOf: hugoConfig, encoding: .utf8).split(separator: "\n").dropFirst().joined(separator: "\n")).utf8).write(to: hugoConfig)
        let error = #expect(throws: DiagnosticError.self) { try Config.load(from: root.appendingPathComponent("jobfeed.yml")) }
        #expect(error?.diagnostics.first?.description.contains("hugo.toml:1:16: error: 'ignoreFiles' holds '(unclosed', which is not a regular expression") == true,
                "\(error?.diagnostics ?? [])")
    }

    /// A section page is part of the config: a one-shot build after a change to its cascade is
    /// no no-op, and its cached readings are not reused.
    @Test func aChangedCascadeChangesTheNextBuild() throws {
        let site = try TemporarySite(config: Self.config)
        defer { site.remove() }
        try site.write("content/jobs/team/_index.md", Self.page(""))
        try site.write("content/jobs/team/analyst.md", Self.posting("Analyst"))
        _ = try site.build()
        #expect(site.read("feeds/en/rss.xml")?.contains("Analyst") == true)
        try site.write("content/jobs/team/_index.md", Self.page("cascade:\n  draft: true"))
        _ = try site.build()
        #expect(site.read("feeds/en/rss.xml")?.contains("Analyst") == false)
        try site.write("content/jobs/team/_index.md", Self.page("cascade:\n  draft: false"))
        _ = try site.build()
        #expect(site.read("feeds/en/rss.xml")?.contains("Analyst") == true)
    }

    /// A cascade jobfeed cannot read stops the build at its line: left unread, its `draft:`
    /// would publish what the site hides.
    @Test(arguments: [
        ("cascade:\n  - draft: true\n    _target: {path: '/jobs/['}", "content/jobs/_index.md:5:21: error: '_target.path' is not a glob"),
        ("cascade:\n  - draft: true\n    _target: {section: jobs}", "content/jobs/_index.md:5:15: error: unknown '_target' key 'section'"),
        ("cascade: [draft]", "content/jobs/_index.md:3:11: error: 'cascade' must be a mapping"),
        ("cascade: {draft: [true", "content/jobs/_index.md:4:1: error: invalid YAML"),
    ])
    func aCascadeItCannotReadStopsTheBuild(front: String, expected: String) throws {
        let site = try TemporarySite(config: Self.config)
        defer { site.remove() }
        try site.write("content/jobs/_index.md", Self.page(front))
        try site.write("content/jobs/analyst.md", Self.posting("Analyst"))
        let error = #expect(throws: DiagnosticError.self) { try Config.load(from: site.configURL) }
        let printed = error?.diagnostics.map { $0.description }.joined(separator: "\n") ?? ""
        #expect(printed.contains(expected), "\(printed)")
    }

    /// A section page whose front matter jobfeed cannot read, and which never says "cascade",
    /// gives nothing and stops nothing: it is for Hugo's templates.
    @Test(arguments: ["---\ntitle: [Jobs\n---\n", "---\ntitle: Jobs\n", "+++\ntitle = 'Jobs'\n+++\n"])
    func aSectionPageWithoutACascadeIsNotRead(text: String) throws {
        let site = try TemporarySite(config: Self.config)
        defer { site.remove() }
        try site.write("content/jobs/_index.md", text)
        try site.write("content/jobs/analyst.md", Self.posting("Analyst"))
        #expect(!(try site.build()).hasErrors)
        #expect(site.read("feeds/en/rss.xml")?.contains("Analyst") == true)
    }

    /// Hugo's default front matter: a TOML section page's cascade is applied as a YAML one's;
    /// one that may hold a cascade and is not TOML stops the build at its line.
    @Test func aTOMLSectionPagesCascadeIsApplied() throws {
        let site = try TemporarySite(config: Self.config)
        defer { site.remove() }
        try site.write("content/jobs/_index.md", "+++\ntitle = 'Jobs'\n[cascade]\ndraft = true\n+++\n")
        try site.write("content/jobs/analyst.md", Self.posting("Analyst"))
        #expect(!(try site.build()).hasErrors)
        #expect(site.read("feeds/en/rss.xml")?.contains("Analyst") == false)
        try site.write("content/jobs/_index.md", "+++\ntitle = 'Jobs'\n[cascade]\ndraft = true\n[cascade]\n+++\n")
        let error = #expect(throws: DiagnosticError.self) { try Config.load(from: site.configURL) }
        #expect(error?.diagnostics.first?.description.hasSuffix("content/jobs/_index.md:5:1: error: invalid TOML front matter: the table [cascade] is defined twice") == true,
                "\(error?.diagnostics ?? [])")
    }

    @Test(arguments: [
        ("{/articles,/articles/**}", "/articles", true), ("{/articles,/articles/**}", "/articles/a/b", true),
        ("{/articles,/articles/**}", "/articlesx", false), ("/jobs/*", "/jobs/a", true), ("/jobs/*", "/jobs/a/b", false),
        ("/jobs/**", "/jobs/a/b", true), ("/jobs/**", "/jobs", false), ("/jobs/?", "/jobs/a", true), ("/jobs/?", "/jobs/ab", false),
        ("/jobs/[a-c]*", "/jobs/bob", true), ("/jobs/[!a-c]*", "/jobs/bob", false), ("/jobs/\\*", "/jobs/*", true),
        ("/jobs/\\*", "/jobs/a", false), ("/{a,b{c,d}}/x", "/bd/x", true), ("/{a,b{c,d}}/x", "/b/x", false),
    ])
    func globsMatchAsHugosMatcher(pattern: String, path: String, matches: Bool) throws {
        let glob = try #require(HugoGlob(pattern, separator: "/"))
        #expect(glob.matches(path) == matches)
    }

    @Test func globsWithoutASeparatorLetStarsCrossSlashes() throws {
        #expect(try #require(HugoGlob("{staging,prod*}")).matches("production"))
        #expect(try #require(HugoGlob("*")).matches("a/b"))
        #expect(HugoGlob("/jobs/{a,b") == nil && HugoGlob("/jobs/[a") == nil)
    }
}
