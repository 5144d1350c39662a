import Foundation
import Testing
import JobFeed
@testable import JobFeedCore

/// The sites in Tests/Sites, written for this project after real conventions: for each,
/// `jobfeed init` then a build publishes every live posting at the URL the site generator
/// gives it, with no edit of the config; the Hugo site is compared with Hugo itself.
@Suite(.serialized) struct SiteFixtureTests {
    static let sites = Repository.root.appendingPathComponent("Tests/Sites")
    static let hugo = ["/usr/bin/hugo", "/usr/local/bin/hugo"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// A copy of the site with the config `init` wrote, loaded.
    func initialised(_ name: String) throws -> (root: URL, config: Config) {
        let site = try Self.initialised(name)
        return (site.root, site.config)
    }

    /// A copy of the site, its generator's config file (`hugo.toml`, `_config.yml`) changed by
    /// `edit` first, with what `init` said and the config it wrote, loaded. The caller removes
    /// `root`.
    static func initialised(_ name: String, editing file: String? = nil, _ edit: (String) -> String = { $0 })
        throws -> (root: URL, initialised: SiteInit.Result, config: Config) {
        let root = ScratchPath.unused("site-\(name)")
        try FileManager.default.copyItem(at: sites.appendingPathComponent(name), to: root)
        if let file {
            let url = root.appendingPathComponent(file)
            try Data(edit(try String(contentsOf: url, encoding: .utf8)).utf8).write(to: url)
        }
        let result = SiteInit(root: root).run()
        try Data(result.configText.utf8).write(to: root.appendingPathComponent("jobfeed.yml"))
        return (root, result, try Config.load(from: root.appendingPathComponent("jobfeed.yml")))
    }

    /// The pages the feeds of every language link to after a build at `moment` (read from
    /// the feeds: a build with nothing to do reports no catalog).
    func published(_ config: Config, at moment: String) throws -> (urls: Set<String>, report: BuildReport) {
        let now = try #require(DateParser(timeZone: .gmt).parse(moment))
        let report = try Publisher(config: config, now: now).build()
        #expect(!report.hasErrors, "\(report.diagnostics.filter { $0.severity == .error })")
        var urls: Set<String> = []
        for language in config.languageCodes {
            let feed = (try? String(contentsOf: config.feedsDirectory.appendingPathComponent("\(language)/atom.xml"), encoding: .utf8)) ?? ""
            for entry in feed.components(separatedBy: "<entry>").dropFirst() {
                if let start = entry.range(of: "<id>"), let end = entry.range(of: "</id>") { urls.insert(String(entry[start.upperBound..<end.lowerBound])) }
            }
        }
        return (urls, report)
    }

    @Test func aJekyllSitePublishesItsLiveJobsAtJekyllsURLs() throws {
        let (root, config) = try initialised("jekyll")
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(config.conventions == .jekyll)
        let (urls, _) = try published(config, at: "2026-11-29T12:00:00-06:00")
        // Jekyll's `:title`: the file name without its date, slugified keeping case and `()`.
        #expect(urls == ["https://www.prairielabs.example/careers/jobs/backend-developer/",
                         "https://www.prairielabs.example/careers/jobs/support-specialist/",
                         "https://www.prairielabs.example/careers/jobs/Senior-Developer-(Remote)/",
                         "https://www.prairielabs.example/careers/openings/platform-engineer/"])
        ConsumerCheck.run(on: root, languages: ["en"])
    }

    /// The Jekyll site with its collections in `collections_dir: my_collections` and a default
    /// that unpublishes one job by a scope written without that folder: what Jekyll 4.3.1
    /// built from it (checked with `jekyll build`) was the same site less that job.
    @Test func aJekyllSiteWithACollectionsFolderPublishesWhatJekyllDoes() throws {
        let root = ScratchPath.unused("site-jekyll-collections-dir")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.copyItem(at: Self.sites.appendingPathComponent("jekyll"), to: root)
        let folder = root.appendingPathComponent("my_collections")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in ["_jobs", "_drafts"] { try FileManager.default.moveItem(at: root.appendingPathComponent(name), to: folder.appendingPathComponent(name)) }
        let siteConfig = root.appendingPathComponent("_config.yml")
        let addition = "collections_dir: my_collections\ndefaults:\n  - scope: {path: _jobs/2026-11-12-platform}\n    values: {published: false}\n"
        try Data((try String(contentsOf: siteConfig, encoding: .utf8) + addition).utf8).write(to: siteConfig)
        let result = SiteInit(root: root).run()
        try Data(result.configText.utf8).write(to: root.appendingPathComponent("jobfeed.yml"))
        let config = try Config.load(from: root.appendingPathComponent("jobfeed.yml"))
        #expect(config.postingsDirectory.path.hasSuffix("/my_collections/_jobs"))
        let (urls, _) = try published(config, at: "2026-11-29T12:00:00-06:00")
        #expect(urls == ["https://www.prairielabs.example/careers/jobs/backend-developer/",
                         "https://www.prairielabs.example/careers/jobs/support-specialist/",
                         "https://www.prairielabs.example/careers/jobs/Senior-Developer-(Remote)/"])
    }

    /// Postings with no site generator's config beside them: `init` writes the config from their
    /// front matter alone, and its first line says so in words that read (it lacked "from").
    @Test func initWithNoGeneratorConfigSaysItReadThePostingsAlone() throws {
        let site = try TemporarySite(postings: ["en/designer.md": TemporarySite.posting("title: Designer\ndate: 2026-01-05")])
        defer { site.remove() }
        let text = SiteInit(root: site.root).run().configText
        #expect(text.hasPrefix("# jobfeed configuration written by `jobfeed init` from the postings' front matter.\n"), "\(text.prefix(120))")
    }

    @Test func aGovernmentStyleSitePublishesItsOpenJobsAtTheirPermalinks() throws {
        let (root, config) = try initialised("govsite")
        defer { try? FileManager.default.removeItem(at: root) }
        let (urls, report) = try published(config, at: "2026-11-29T12:00:00-05:00")
        #expect(urls == ["https://join.example.gov/join/senior-product-manager/", "https://join.example.gov/join/engineering-lead/"])
        #expect(report.count(.archived, in: "en") == 1)
        let manager = try #require(report.posting(titled: "Senior Product Manager"))
        #expect(manager.salary == Salary(minimum: 128_078, maximum: 166_500, currency: "USD", unit: .year))
        #expect(manager.remote?.applicantCountries == ["US"])
        #expect(manager.locations.map(\.singleLine) == ["Washington, DC, US", "San Francisco, CA, US"])
        let lead = try #require(report.posting(titled: "Engineering Lead"))
        #expect(lead.applyURL == lead.url)
        for (path, data) in OutputTree.published(below: root) {
            #expect(!String(decoding: data, as: UTF8.self).contains("{%"), "\(path) holds Liquid code")
        }
        ConsumerCheck.run(on: root, languages: ["en"])
    }

    @Test(.enabled(if: hugo != nil, "skipped: Debian's hugo is not installed (make test installs it)"))
    func aHugoSitePublishesTheSameJobsAsHugoAtEveryMoment() throws {
        let (root, config) = try initialised("hugo")
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(config.conventions == .hugo && config.languageCodes == ["en", "fr"])
        var reports: [BuildReport] = []
        for moment in ["2026-11-29T12:00:00-05:00", "2026-12-01T00:00:30-05:00", "2026-12-14T23:59:00-05:00", "2026-12-15T00:00:30-05:00",
                       "2026-12-20T09:00:30-05:00", "2027-02-01T12:00:00-05:00"] {
            let built = try published(config, at: moment)
            reports.append(built.report)
            let expected = Self.hugoPublished(try #require(Self.hugo), site: root, clock: moment)
            #expect(!expected.isEmpty)
            #expect(built.urls == expected, "at \(moment)")
        }
        // The Montréal section's cascade gives its job a place and a closing date; its own
        // employment type wins.
        let agent = try #require(reports.first?.posting(titled: "Support Agent"))
        #expect(agent.locations.map(\.singleLine) == ["Montréal, QC, CA"] && agent.employmentTypes == [.partTime])
        #expect(agent.validThrough == DateParser(timeZone: TimeZone(identifier: "America/Toronto")!).parse("2027-01-31"))
        // TOML front matter (Hugo's default) reads as YAML's does, a TOML section's cascade too.
        let analyst = try #require(reports.first?.posting(titled: "Policy Analyst"))
        #expect(analyst.locations.map(\.singleLine) == ["Ottawa, ON, CA"] && analyst.categories == ["Policy", "Research"])
        let clerk = try #require(reports.first?.posting(titled: "Records Clerk"))
        #expect(clerk.locations.map(\.singleLine) == ["Toronto, ON, CA"] && clerk.employmentTypes == [.fullTime])
        #expect(clerk.validThrough == DateParser(timeZone: TimeZone(identifier: "America/Toronto")!).parse("2027-01-31"))
        ConsumerCheck.run(on: root)
    }

    /// Hugo's config split into `config/_default/` (root keys in `hugo.toml`, the languages in
    /// `languages.toml`): `init` reads it as it reads one file, and the build publishes what
    /// Hugo publishes.
    @Test(.enabled(if: hugo != nil, "skipped: Debian's hugo is not installed (make test installs it)"),
          arguments: ["", "ignoreFiles = ['designer']\n[cascade]\n  employment_type = 'Part-time'\n  [cascade.params]\n    team = 'Everyone'\n", "[cascade]\n  draft = true\n"])
    func aHugoSiteWithAConfigFolderPublishesTheSameJobsAsHugo(addition: String) throws {
        let root = ScratchPath.unused("site-hugo-config-folder")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.copyItem(at: Self.sites.appendingPathComponent("hugo"), to: root)
        let whole = try String(contentsOf: root.appendingPathComponent("hugo.toml"), encoding: .utf8)
        let (top, languages) = try #require(whole.range(of: "[languages]").map { (whole[..<$0.lowerBound], whole[$0.upperBound...]) })
        let folder = root.appendingPathComponent("config/_default")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data((top + addition).utf8).write(to: folder.appendingPathComponent("hugo.toml"))
        try Data(languages.replacingOccurrences(of: "[languages.", with: "[").utf8).write(to: folder.appendingPathComponent("languages.toml"))
        try FileManager.default.removeItem(at: root.appendingPathComponent("hugo.toml"))
        let result = SiteInit(root: root).run()
        try Data(result.configText.utf8).write(to: root.appendingPathComponent("jobfeed.yml"))
        let config = try Config.load(from: root.appendingPathComponent("jobfeed.yml"))
        #expect(config.conventions == .hugo && config.languageCodes == ["en", "fr"] && config.baseURL == "https://careers.example.com/")
        let moment = "2026-11-29T12:00:00-05:00"
        let (urls, _) = try published(config, at: moment)
        #expect(urls == Self.hugoPublished(try #require(Self.hugo), site: root, clock: moment))
        // The cascade's draft hides all but the job that says draft = false itself; its
        // ignoreFiles leave out the designer's files.
        #expect(urls.contains("https://careers.example.com/fr/jobs/designer/") == addition.isEmpty)
        #expect(addition.contains("draft") ? urls == ["https://careers.example.com/en/jobs/policy-analyst/"] : urls.count > 10, "\(urls.sorted())")
    }

    /// A site as `hugo new site` makes it: TOML front matter, each job's own fields under
    /// `[params]`, the locale in `languageCode`. `init` maps the params by their names and
    /// values, and the build publishes what Hugo publishes, each job with its place, pay,
    /// employment type and apply link.
    @Test(.enabled(if: hugo != nil, "skipped: Debian's hugo is not installed (make test installs it)"))
    func aHugoSiteWithItsFieldsUnderParamsPublishesTheSameJobsAsHugo() throws {
        let (root, result, config) = try Self.initialised("hugo-params")
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(!result.questions.contains { $0.contains("params.") }, "\(result.questions)")
        #expect(config.languages.map(\.locale) == ["en-US"])
        let moment = "2026-11-29T12:00:00-05:00"
        let (urls, report) = try published(config, at: moment)
        #expect(urls == Self.hugoPublished(try #require(Self.hugo), site: root, clock: moment))
        #expect(urls == ["https://careers.example.net/careers/backend-engineer/", "https://careers.example.net/careers/technical-writer/"])
        let engineer = try #require(report.posting(titled: "Backend Engineer"))
        #expect(engineer.locations.map(\.singleLine) == ["Toronto, ON, CA"] && engineer.employmentTypes == [.fullTime])
        #expect(engineer.salary?.minimum == 120_000 && engineer.salary?.maximum == 150_000 && engineer.salary?.unit == .year)
        #expect(engineer.applyURL == "https://jobs.example.net/apply/123")
        let writer = try #require(report.posting(titled: "Technical Writer"))
        #expect(writer.salary?.unit == .hour && writer.employmentTypes == [.partTime])
        ConsumerCheck.run(on: root, languages: ["en"])
    }

    /// A content folder per language: init takes each language's job section (named apart in
    /// each language) and excludes the rest; the blog post beside them, which has every field a
    /// posting has, is not published. The jobs are where Hugo lists them.
    @Test(.enabled(if: hugo != nil, "skipped: Debian's hugo is not installed (make test installs it)"))
    func aHugoSiteWithAContentFolderPerLanguagePublishesOnlyItsJobs() throws {
        let (root, config) = try initialised("hugo-languages")
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(config.exclude == ["en/blog", "fr/a-propos.md"])
        let moment = "2026-11-29T12:00:00-05:00"
        let (urls, _) = try published(config, at: moment)
        let hugoPages = Self.hugoPublished(try #require(Self.hugo), site: root, clock: moment)
        #expect(urls == hugoPages.filter { $0.contains("/jobs/") || $0.contains("/emplois/") })
        #expect(urls.count == 2 && hugoPages.count == 4)
        ConsumerCheck.run(on: root)
    }

    /// The pages Hugo itself publishes at `clock`: all, less drafts, future and expired pages.
    static func hugoPublished(_ hugo: String, site: URL, clock: String) -> Set<String> {
        func list(_ kind: String) -> [[String]] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: hugo)
            process.arguments = ["list", kind, "--clock", clock, "-s", site.path]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            guard (try? process.run()) != nil else { return [] }
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return String(decoding: data, as: UTF8.self).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        }
        // `list all`: path,slug,title,date,expiryDate,publishDate,draft,permalink; the others
        // start with the path.
        // A page Hugo renders no page for (`_build: {render: false}`) is listed with no permalink.
        let all = list("all").dropFirst()
        // By exact path: two pages whose paths read alike in other code points are two pages.
        let permalinks = Dictionary(all.map { (ExactPath($0[0]), $0[$0.count - 1]) }.filter { !$0.1.isEmpty }, uniquingKeysWith: { first, _ in first })
        // `list drafts` leaves out a draft that has expired, and `list expired` a draft: the
        // draft column of `list all` says it of every page.
        let hidden = Set((["drafts", "future", "expired"].flatMap { list($0).map { $0[0] } } + all.filter { $0.count > 6 && $0[$0.count - 2] == "true" }.map { $0[0] }).map(ExactPath.init))
        return Set(permalinks.filter { !hidden.contains($0.key) }.values)
    }
}
