import Foundation
import Testing
import JobFeed
import JobFeedSystem

/// A clock that reads well before the state folder was last written (a machine without a
/// battery-backed clock, booted before NTP has run: 1970, or the image's build date) would
/// date every posting in the future and leave it out. A build that takes the clock's reading
/// fails instead, every output as it was; one given its moment (`--now`) builds for it.
@Suite(.serialized) struct UnsetClockTests {
    static let refusal = "the clock reads 1970-01-01T00:00:00Z, before this site's state folder was last written"

    @Test func aClockBeforeTheLastBuildPublishesNothing() throws {
        let (site, published) = try TemporarySite.built(postings: ConfigBrokenPostingsTests.postings)
        defer { site.remove() }
        var clock = Publisher(config: try site.config(), now: Timestamp(seconds: 0))
        clock.checksTheClock = true
        #expect { try clock.build() } throws: { error in
            (error as? DiagnosticError)?.diagnostics.contains { $0.message.hasPrefix(Self.refusal) } == true
        }
        #expect(OutputTree.published(below: site.root) == published)
        // Given as the moment to build for, the same time is built for.
        clock.checksTheClock = false
        #expect(try clock.build().count(.active, in: "en") == 0)
    }

    /// Files the state folder got while the clock ran ahead make a right clock look unset: the
    /// error names the newest of them, and once they are touched the build goes on.
    @Test func stateWrittenWhileTheClockRanAheadIsNamed() throws {
        let site = try TemporarySite(postings: ConfigBrokenPostingsTests.postings)
        defer { site.remove() }
        _ = try site.build()
        let state = site.root.appendingPathComponent(".jobfeed")
        let files = FolderWalk.files(below: state.path).map { state.appendingPathComponent($0) }
        let ahead = Date(timeIntervalSinceNow: 10 * 86_400)
        for file in files { try FileManager.default.setAttributes([.modificationDate: ahead], ofItemAtPath: file.path) }
        var clock = Publisher(config: try site.config(), now: Timestamp(Date()))
        clock.checksTheClock = true
        #expect { try clock.build() } throws: { error in
            (error as? DiagnosticError)?.diagnostics.contains { $0.message.contains("ran ahead: touch its files") && $0.file.contains(".jobfeed/") } == true
        }
        for file in files { try FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: file.path) }
        #expect(try clock.build().published)
    }

    /// Hours behind (a time zone set wrong, a clock that drifted) is no unset clock.
    @Test func aClockHoursBehindBuilds() throws {
        let site = try TemporarySite(postings: ConfigBrokenPostingsTests.postings)
        defer { site.remove() }
        _ = try site.build()
        var clock = Publisher(config: try site.config(), now: Timestamp(Date(timeIntervalSinceNow: -6 * 3600)))
        clock.checksTheClock = true
        #expect(try clock.build().count(.active, in: "en") == 2)
    }

    @Test func theBuildCommandChecksOnlyTheClock() throws {
        let site = try TemporarySite(postings: ConfigBrokenPostingsTests.postings)
        defer { site.remove() }
        #expect(CommandRunner.exitCode(["build", "--quiet", "--config", site.configURL.path]) == 0)
        #expect(CommandRunner.exitCode(["build", "--quiet", "--now", "1999-01-01", "--config", site.configURL.path]) == 0)
        #expect(BuildTime.readsTheClock(argument: nil, environment: [:]))
        #expect(!BuildTime.readsTheClock(argument: "2026-01-01", environment: [:]))
        #expect(!BuildTime.readsTheClock(argument: nil, environment: ["SOURCE_DATE_EPOCH": "0"]))
    }
}
