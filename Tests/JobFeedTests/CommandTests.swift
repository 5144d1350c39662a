import ArgumentParser
import Foundation
import Testing
@testable import JobFeedCLI

/// Drives the command as the shell would, through its parser, and checks the exit statuses
/// documented in README.md.
@Suite(.serialized) struct CommandTests {
    @Test func buildSucceedsOnAGoodSite() throws {
        let site = try TemporarySite(postings: ["en/a.md": TemporarySite.posting("title: A\ndate: 2026-01-01")])
        defer { site.remove() }
        #expect(CommandRunner.exitCode(["build", "--quiet", "--config", site.configURL.path, "--now", "2026-06-01"]) == 0)
        #expect(site.read("feeds/en/rss.xml") != nil)
    }

    @Test func postingErrorsExitWithOne() throws {
        let site = try TemporarySite(postings: ["en/a.md": TemporarySite.posting("title: A\ndate: soon")])
        defer { site.remove() }
        #expect(CommandRunner.exitCode(["build", "--quiet", "--config", site.configURL.path, "--now", "2026-06-01"]) == 1)
    }

    @Test func configurationErrorsExitWithTwo() throws {
        let site = try TemporarySite(config: "baseURL: https://x.org/\n")
        defer { site.remove() }
        #expect(CommandRunner.exitCode(["build", "--config", site.configURL.path]) == 2)
        #expect(CommandRunner.exitCode(["build", "--config", site.root.appendingPathComponent("missing.yml").path]) == 2)
    }

    @Test func usageErrorsExitWithSixtyFour() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        #expect(CommandRunner.exitCode(["build", "--config", site.configURL.path, "--now", "yesterday"]) == 64)
        #expect(CommandRunner.exitCode(["build", "--no-such-flag"]) == 64)
    }
}
