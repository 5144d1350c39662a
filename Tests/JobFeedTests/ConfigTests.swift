import Foundation
import Testing
import JobFeed

@Suite struct ConfigTests {
    @Test func readsTheBundledSampleConfig() throws {
        let config = try Config.load(from: Repository.root.appendingPathComponent("jobfeed.yml"))
        #expect(config.baseURL == "https://careers.example.ca/")
        #expect(config.languageCodes == ["en", "fr"])
        #expect(config.organization.name(in: "fr") == "Northwind Numérique")
        #expect(config.sourceKey(for: .validThrough) == "closes")
        #expect(config.postingsDirectory.path == Repository.root.appendingPathComponent("postings").path)
    }

    @Test func anUnknownKeySuggestsTheNearestOneAtItsLine() throws {
        let site = try TemporarySite(config: TemporarySite.standardConfig + "\nfeild:\n  date: opens\n")
        defer { site.remove() }
        let error = try #require(throws: DiagnosticError.self) { try site.config() }
        let diagnostic = try #require(error.diagnostics.first)
        #expect(diagnostic.line == 20)
        #expect(diagnostic.message == "unknown key 'feild'; did you mean 'fields'?")
    }

    @Test func everyProblemIsReportedAtOnce() throws {
        let config = """
            baseURL: not-a-url
            timeZone: Mars/Olympus
            languages:
              - code: en
                titel: Jobs
            organization:
              name: Example
            defaults:
              employmentTyp: FULL_TIME
            """
        let site = try TemporarySite(config: config)
        defer { site.remove() }
        let error = try #require(throws: DiagnosticError.self) { try site.config() }
        let messages = error.diagnostics.map(\.message)
        #expect(messages.contains { $0.hasPrefix("'baseURL' must be an absolute http(s) URL") })
        #expect(messages.contains { $0.hasPrefix("unknown time zone 'Mars/Olympus'") })
        #expect(messages.contains("missing required key 'languages[].title'"))
        #expect(messages.contains("unknown key 'languages[].titel'; did you mean 'title'?"))
        #expect(messages.contains("unknown key 'defaults.employmentTyp'; did you mean 'employmentType'?"))
    }

    @Test func foldersAreRelativeToTheConfigAndOverridable() throws {
        let site = try TemporarySite(config: TemporarySite.standardConfig + "\npostings: content/jobs\n")
        defer { site.remove() }
        let config = try Config.load(from: site.configURL, overrides: FolderOverrides(feeds: "/tmp/elsewhere"))
        #expect(config.postingsDirectory.path == site.path("content/jobs"))
        #expect(config.feedsDirectory.path == "/tmp/elsewhere")
        #expect(config.exportsDirectory.lastPathComponent == "exports")
    }
}
