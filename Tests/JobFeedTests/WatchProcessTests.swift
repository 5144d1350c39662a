import Foundation
import Testing
import JobFeed

/// `jobfeed watch` as a process: signals, exit status, the lock.
@Suite(.serialized) struct WatchProcessTests {
    static let binary = Repository.root.appendingPathComponent(".build/debug/jobfeed")
    static let available = FileManager.default.isExecutableFile(atPath: binary.path)

    func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    func waitForExit(_ process: Process, within limit: Duration) async -> Bool {
        let deadline = ContinuousClock.now + limit
        while process.isRunning && ContinuousClock.now < deadline { try? await Task.sleep(for: .milliseconds(20)) }
        return !process.isRunning
    }

    func waitUntil(_ limit: Duration = .seconds(60), _ condition: () -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            if condition() { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return false
    }

    /// A site big enough that a rebuild takes a while in a debug build.
    static let longBody = String(repeating: "## Section\n\n* item with [a link](../x/)\n  1. nested **item**\n\nA paragraph of text. ", count: 60)

    func largeSite() throws -> TemporarySite {
        var postings: [String: String] = [:]
        for index in 0..<300 {
            postings["en/job-\(index).md"] = TemporarySite.posting("title: Job \(index)\ndate: 2026-01-05", body: Self.longBody)
        }
        return try TemporarySite(postings: postings)
    }

    @Test(.enabled(if: available, "skipped: build the jobfeed binary first (swift build)"))
    func sigtermDuringARebuildLeavesNoTornOrTemporaryFiles() async throws {
        let site = try largeSite()
        defer { site.remove() }
        let watch = try start(["watch", "--config", site.configURL.path, "--debounce", "20ms"])
        defer { if watch.isRunning { watch.terminate() } }
        #expect(await waitUntil { site.read("exports/postings.csv")?.contains("Job 299") == true })
        for index in 0..<300 {
            try site.write("postings/en/job-\(index).md", TemporarySite.posting("title: Job \(index), edited\ndate: 2026-01-05", body: Self.longBody))
        }
        // The rebuild re-renders all 300 bodies (seconds in a debug build): signal in the middle.
        try await Task.sleep(for: .milliseconds(400))
        // How fast it stops depends on the machine; that it stops, cleanly, does not.
        kill(watch.processIdentifier, SIGTERM)
        #expect(await waitForExit(watch, within: .seconds(120)))
        #expect(watch.terminationStatus == 0)
        let leftovers = FileManager.default.enumerator(atPath: site.root.path)?.compactMap { $0 as? String }
            .filter { $0.contains(OutputWriter.temporaryPrefix) } ?? []
        #expect(leftovers == [])
        #expect(try OutputInvariants.violations(of: site) == [])
    }

    @Test(.enabled(if: available, "skipped: build the jobfeed binary first (swift build)"))
    func buildWaitsForTheWatchersLockThenFailsWithTheLockBusyCode() async throws {
        let site = try TemporarySite(postings: BuildBehaviourTests.postings)
        defer { site.remove() }
        let watch = try start(["watch", "--config", site.configURL.path])
        defer { if watch.isRunning { watch.terminate() } }
        #expect(await waitUntil { site.read("feeds/en/rss.xml") != nil })
        let build = try start(["build", "--config", site.configURL.path, "--lock-timeout", "500ms"])
        #expect(await waitForExit(build, within: .seconds(120)))
        // How long it waited is checked on a virtual clock (aBusyLockIsWaitedForUpToTheTimeoutOnAVirtualClock).
        #expect(build.terminationStatus == 75)
        kill(watch.processIdentifier, SIGINT)
        #expect(await waitForExit(watch, within: .seconds(120)))
        #expect(watch.terminationStatus == 0)
        let after = try start(["build", "--quiet", "--config", site.configURL.path, "--lock-timeout", "2s"])
        #expect(await waitForExit(after, within: .seconds(120)))
        #expect(after.terminationStatus == 0)
    }
}
