import Foundation
import Testing
@testable import JobFeedReading
import JobFeed

/// Jekyll's front matter defaults under `conventions: jekyll`: `_config.yml`'s `defaults:`
/// give their values to the documents their scope names, by Jekyll's rules of precedence
/// (`FrontmatterDefaults`), the posting's own keys winning.
@Suite struct JekyllDefaultsTests {
    static let config = TemporarySite.standardConfig + """

        postings: _jobs
        conventions: jekyll
        defaultLanguage: en
        fields:
          category: team
          city: office.city
          country: office.country
        """

    static func posting(_ title: String, _ front: String = "") -> String {
        TemporarySite.posting("title: \(title)\n\(front)", body: "The job.")
    }

    static let defaults = """
        title: Careers
        defaults:
          - scope: {path: ""}
            values: {employmentType: PART_TIME, team: Everyone}
          - scope: {path: _jobs, type: jobs}
            values: {team: Jobs, office: {country: CA}}
          - scope: {path: _jobs, type: posts}
            values: {team: Never}
          - scope: {path: _jobs/internal}
            values: {published: false}
          - scope: {path: "_jobs/*/*intern*"}
            values: {employmentType: INTERN}
          - scope: {path: _jobs/ontario}
            values: {team: Ontario}
          - scope: {path: _jobs/quebec}
            values: {team: Québec first}
          - scope: {path: _jobs/quebec}
            values: {team: Québec}
          - scope: {path: ""}
        """

    @Test func defaultsReachTheDocumentsTheirScopesName() throws {
        let site = try TemporarySite(config: Self.config)
        defer { site.remove() }
        try site.write("_config.yml", Self.defaults)
        try site.write("_jobs/2026-10-01-clerk.md", Self.posting("Clerk"))
        try site.write("_jobs/internal/2026-10-01-auditor.md", Self.posting("Auditor"))
        try site.write("_jobs/ontario/2026-10-01-intern-developer.md", Self.posting("Intern"))
        try site.write("_jobs/quebec/2026-10-01-analyst.md", Self.posting("Analyst"))
        try site.write("_jobs/2026-10-01-own.md", Self.posting("Own", "team: Mine\nemploymentType: CONTRACTOR\noffice: {city: Ottawa}"))
        let report = try site.build()
        #expect(!report.hasErrors, "\(report.diagnostics)")
        // A longer path, then a set with a type, wins; the set for another type does not apply.
        let clerk = try #require(report.posting(titled: "Clerk"))
        #expect(clerk.categories == ["Jobs"] && clerk.employmentTypes == [.partTime])
        // `published: false` for a folder keeps its jobs out of every output.
        #expect(report.posting(titled: "Auditor") == nil && site.read("feeds/en/rss.xml")?.contains("Auditor") == false)
        // A glob scope. Precedence goes by the scope, not by key: the glob's path is longer than
        // `_jobs/ontario`, so the team that set gives yields to the one before the glob's.
        let intern = try #require(report.posting(titled: "Intern"))
        #expect(intern.employmentTypes == [.intern] && intern.categories == ["Jobs"])
        // Of two sets of the same standing, the later.
        #expect(report.posting(titled: "Analyst")?.categories == ["Québec"])
        // The posting's own keys win, and mappings merge key by key.
        let own = try #require(report.posting(titled: "Own"))
        #expect(own.categories == ["Mine"] && own.employmentTypes == [.contractor] && own.locations.map(\.singleLine) == ["Ottawa, CA"])
    }

    /// `_config.yml` is part of the config: a one-shot build after a change to its defaults is
    /// no no-op, and its cached readings are not reused.
    @Test func aChangedDefaultChangesTheNextBuild() throws {
        let site = try TemporarySite(config: Self.config)
        defer { site.remove() }
        try site.write("_config.yml", "title: Careers\n")
        try site.write("_jobs/2026-10-01-clerk.md", Self.posting("Clerk"))
        _ = try site.build()
        #expect(site.read("feeds/en/rss.xml")?.contains("Clerk") == true)
        try site.write("_config.yml", "title: Careers\ndefaults:\n  - scope: {type: jobs}\n    values: {published: false}\n")
        _ = try site.build()
        #expect(site.read("feeds/en/rss.xml")?.contains("Clerk") == false)
    }

    /// What Jekyll's `exclude:` leaves out of the site is no page, so no posting; `include:`
    /// takes back a pattern it names as written.
    @Test func whatJekyllExcludesIsNotPublished() throws {
        let site = try TemporarySite(config: Self.config)
        defer { site.remove() }
        try site.write("_config.yml", "title: Careers\nexclude: [Gemfile, _jobs/templates, '_jobs/*-draft.md', _jobs/old, /_jobs/2026-10-02-gone]\ninclude: [_jobs/old]\n")
        try site.write("_jobs/templates/2026-10-01-template.md", Self.posting("Template"))
        try site.write("_jobs/nested/2026-10-01-writer-draft.md", Self.posting("Draft"))
        try site.write("_jobs/2026-10-02-gone.md", Self.posting("Gone"))
        try site.write("_jobs/old/2026-10-01-legacy.md", Self.posting("Legacy"))
        try site.write("_jobs/2026-10-01-clerk.md", Self.posting("Clerk"))
        let report = try site.build()
        #expect(!report.hasErrors, "\(report.diagnostics)")
        // `*` crosses `/` in Jekyll's patterns, and a pattern is also the start of a path.
        #expect(Set(report.catalog.entries.map(\.posting.title)) == ["Legacy", "Clerk"])
    }

    /// Jekyll reads YAML front matter alone: a file that opens with TOML's `+++` or a JSON
    /// object is a static file to it, no page, so no posting (Hugo reads both).
    @Test func onlyYAMLFrontMatterMakesAJekyllPosting() throws {
        let site = try TemporarySite(config: Self.config)
        defer { site.remove() }
        try site.write("_jobs/2026-10-01-clerk.md", Self.posting("Clerk"))
        try site.write("_jobs/2026-10-01-toml.md", "+++\ntitle = 'TOML'\n+++\nThe job.\n")
        try site.write("_jobs/2026-10-01-json.md", "{\"title\": \"JSON\"}\nThe job.\n")
        let report = try site.build()
        #expect(report.catalog.entries.map(\.posting.title) == ["Clerk"])
        #expect(report.diagnostics.filter { $0.severity == .error }.map(\.message).allSatisfy { $0.hasPrefix("no front matter") }, "\(report.diagnostics)")
    }

    /// Jekyll 4.3.1 (checked with `jekyll build`): under `collections_dir`, a scope reaches the
    /// collection's documents written with that folder or without it.
    @Test func aCollectionsFolderIsLeftOutOfScopePaths() throws {
        let site = try TemporarySite(config: Self.config.replacingOccurrences(of: "postings: _jobs", with: "postings: my_collections/_jobs"))
        defer { site.remove() }
        try site.write("_config.yml", "collections_dir: my_collections\ndefaults:\n  - scope: {path: _jobs/internal}\n    values: {published: false}\n  - scope: {path: my_collections/_jobs/secret}\n    values: {published: false}\n")
        for (path, title) in [("2026-10-01-open.md", "Open"), ("internal/2026-10-01-internal.md", "Internal"), ("secret/2026-10-01-secret.md", "Secret")] {
            try site.write("my_collections/_jobs/" + path, Self.posting(title))
        }
        #expect(try site.build().catalog.entries.map(\.posting.title) == ["Open"])
    }

    /// Jekyll compares scopes' paths with documents' as Ruby compares strings: by their bytes,
    /// and their lengths in code points (checked with Jekyll 4.3.1). A folder `café` spelled
    /// with `e` and an accent is not `café` spelled with `é`.
    @Test func scopesCompareWithDocumentsByteForByte() throws {
        let site = try TemporarySite(config: Self.config)
        defer { site.remove() }
        try site.write("_config.yml", "defaults:\n  - scope: {path: \"_jobs/cafe\\u0301\"}\n    values: {team: Accent}\n  - scope: {path: _jobs/cafe}\n    values: {team: Plain}\n")
        try site.write("_jobs/cafe\u{301}/2026-10-01-decomposed.md", Self.posting("Decomposed"))
        try site.write("_jobs/caf\u{E9}/2026-10-01-composed.md", Self.posting("Composed"))
        let report = try site.build()
        // Both scopes cover the first by its bytes; the one with the accent is the longer.
        #expect(report.posting(titled: "Decomposed")?.categories == ["Accent"])
        #expect(report.posting(titled: "Composed")?.categories == [])
    }

    @Test func aJekyllConfigThatIsNotYAMLStopsTheBuild() throws {
        let site = try TemporarySite(config: Self.config)
        defer { site.remove() }
        try site.write("_config.yml", "title: Careers\ndefaults: [{scope: {path: \"\"}\n")
        try site.write("_jobs/2026-10-01-clerk.md", Self.posting("Clerk"))
        let error = #expect(throws: DiagnosticError.self) { try Config.load(from: site.configURL) }
        #expect(error?.diagnostics.first?.description.contains("_config.yml:3:1: error: invalid YAML") == true, "\(error?.diagnostics ?? [])")
    }

    /// A default permalink with tokens is the pattern of the collection's pages: `init` writes
    /// it as the URL template, over the collection's own, and no posting takes it as its path.
    @Test func aDefaultPermalinkIsTheCollectionsPattern() throws {
        let defaults = "\ndefaults:\n  - scope: {path: \"\", type: jobs}\n    values: {permalink: \"/positions/:title/\"}\n"
        let (root, _, config) = try SiteFixtureTests.initialised("jekyll", editing: "_config.yml") { $0 + defaults }
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(config.urls.posting.description == "positions/{jekyllTitle}/")
        let (urls, report) = try SiteFixtureTests().published(config, at: "2026-11-29T12:00:00-06:00")
        #expect(urls.contains("https://www.prairielabs.example/careers/positions/backend-developer/"))
        // A page's own permalink still wins.
        #expect(urls.contains("https://www.prairielabs.example/careers/openings/platform-engineer/"))
        #expect(!report.diagnostics.contains { $0.message.contains("permalink") }, "\(report.diagnostics)")
    }
}
