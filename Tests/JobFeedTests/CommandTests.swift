import ArgumentParser
import Foundation
import Testing
@testable import JobFeedCLI
import Logging
import JobFeed

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

/// The command line as a new user meets it.
@Suite struct CommandLineTests {
    @Test func aMistypedCommandGetsTheNearestOneAndTheList() throws {
        let (text, status) = try #require(JobFeedCommand.preamble(["biuld"]))
        #expect(text.contains("did you mean 'build'?") && text.contains("commands: build, check, watch, report, init"))
        #expect(status == 64)
        #expect(JobFeedCommand.preamble(["-V"])?.text == Generator.version)
        #expect(JobFeedCommand.preamble(["build", "--quiet"]) == nil)
        #expect(JobFeedCommand.preamble(["--quiet"]) == nil)
    }

    /// A process given no command line at all (not even its name, as the Swift runtime gives it
    /// under libfaketime's `LD_PRELOAD`) is refused rather than run as `build`, the default,
    /// which would publish where `check` may have been asked for.
    @Test func noCommandLineAtAllIsRefused() throws {
        let (text, status) = try #require(JobFeedCommand.preamble(commandLine: []))
        #expect(text.contains("no command line") && text.contains("nothing was done"))
        #expect(status == 64)
        #expect(JobFeedCommand.preamble(commandLine: ["jobfeed"]) == nil)
        #expect(JobFeedCommand.preamble(commandLine: ["jobfeed", "check"]) == nil)
        #expect(JobFeedCommand.preamble(commandLine: ["jobfeed", "biuld"])?.status == 64)
    }

    @Test func watchDoesNotOfferNowWhichItWouldRefuse() {
        #expect(!WatchCommand.helpMessage().contains("--now"))
        #expect(BuildCommand.helpMessage().contains("--now"))
    }

    @Test func jsonLogLinesCarryNumbersAsNumbers() throws {
        let handler = LineLogHandler(format: .json, logLevel: .info)
        let event = LogEvent(level: .info, message: "rebuilt", metadata: ["duration_ms": .stringConvertible(12), "trigger": "start"],
                             source: nil, file: #fileID, function: #function, line: #line)
        let line = handler.line(for: event, at: Timestamp(seconds: 0))
        #expect(line.contains("\"duration_ms\":12") && line.contains("\"trigger\":\"start\""))
    }

    @Test func aBuildPrintsNumbersAndListsFilesOnlyWhenVerbose() throws {
        let site = try TemporarySite(postings: ["en/a.md": TemporarySite.posting("title: A\ndate: 2026-01-01")])
        defer { site.remove() }
        let report = try site.build(now: Timestamp(seconds: 1_780_000_000))
        let config = try site.config()
        let quiet = BuildSummary(report: report, languages: config.languages).text
        #expect(!quiet.contains("wrote ") && quiet.contains("files: \(report.files.written.count) written"))
        #expect(report.files.written.count > 5)
        let verbose = BuildSummary(report: report, languages: config.languages, listsFiles: true).text
        #expect(verbose.split(separator: "\n").filter { $0.hasPrefix("  wrote ") }.count == report.files.written.count)
        #expect(throws: (any Error).self) { try BuildCommand.parse(["--quiet", "--verbose"]) }
        #expect(!quiet.contains("nothing was published"))
    }

    /// A build that published nothing says so before its counts, which are not the site's.
    @Test func aBuildThatPublishedNothingSaysSoBeforeItsCounts() throws {
        let site = try TemporarySite(postings: ConfigBrokenPostingsTests.postings)
        defer { site.remove() }
        _ = try site.build()
        try site.write("jobfeed.yml", ConfigBrokenPostingsTests.remapped)
        let report = try site.build()
        let text = BuildSummary(report: report, languages: try site.config().languages).text
        #expect(text.hasPrefix("nothing was published (every output is as it was); this build read:\nen: 0 active"))
    }

    @Test func checkSaysWhatABuildWouldWriteAndWritesNothing() throws {
        let site = try TemporarySite(postings: ["en/a.md": TemporarySite.posting("title: A\ndate: 2026-01-01"),
                                                "en/b.md": TemporarySite.posting("title: B\ndate: 2026-01-02")])
        defer { site.remove() }
        _ = try site.build()
        let publisher = Publisher(config: try site.config(), now: TemporarySite.now)
        let settled = try publisher.check().files
        #expect(settled.written.isEmpty && settled.removed.isEmpty && settled.unchanged.count > 5)
        let feed = site.read("feeds/en/rss.xml")
        try site.write("postings/en/a.md", TemporarySite.posting("title: A, edited\ndate: 2026-01-01"))
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("postings/en/b.md"))
        let pending = try publisher.check().files
        #expect(pending.written.contains { $0.hasSuffix("feeds/en/rss.xml") } && pending.written.contains { $0.hasSuffix("en/a.jsonld") })
        #expect(!pending.written.contains { $0.contains("/fr/") })
        #expect(pending.removed.count == 1 && pending.removed[0].hasSuffix("en/b.jsonld"))
        #expect(site.read("feeds/en/rss.xml") == feed && site.read("exports/jsonld/en/b.jsonld") != nil)
    }

    @Test func diagnosticsAreColouredOnlyOnATerminalWithoutNoColor() {
        let diagnostic = Diagnostic(.error, file: "a.md", line: 3, column: 1, "bad")
        let terminal = TerminalStyle(isTerminal: true, environment: ["TERM": "xterm-256color"])
        #expect(terminal.format(diagnostic) == "\u{1B}[1ma.md:3:1:\u{1B}[0m \u{1B}[1;31merror:\u{1B}[0m bad")
        #expect(TerminalStyle(isTerminal: false, environment: [:]).format(diagnostic) == "a.md:3:1: error: bad")
        #expect(TerminalStyle(isTerminal: true, environment: ["NO_COLOR": "1"]).format(diagnostic) == "a.md:3:1: error: bad")
        #expect(TerminalStyle(isTerminal: true, environment: ["TERM": "dumb"]).format(diagnostic) == "a.md:3:1: error: bad")
        // NO_COLOR set but empty does not count (no-color.org).
        #expect(TerminalStyle(isTerminal: true, environment: ["NO_COLOR": ""]).colours)
    }
}
