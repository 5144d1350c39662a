import Foundation
import Logging
import Synchronization
import Testing
import JobFeed

/// The watcher cannot go deaf, and keeps time through failures; the lock holds when its file
/// is deleted.
@Suite(.serialized) struct WatcherResilienceTests {
    @Test func aPostingsFolderDeletedAndCopiedBackIsWatchedAgain() async throws {
        let watch = WatchHarness(site: try TemporarySite(postings: BuildBehaviourTests.postings))
        let site = watch.site
        defer { site.remove() }
        try await watch.run {
            await watch.waitForRebuild(after: 0)
            let postings = site.root.appendingPathComponent("postings")
            let backup = site.root.appendingPathComponent("backup")
            try FileManager.default.copyItem(at: postings, to: backup)
            try FileManager.default.removeItem(at: postings)
            try FileManager.default.copyItem(at: backup, to: postings)
            try site.write("postings/en/after-restore.md", TemporarySite.posting("title: Added after the restore\ndate: 2026-01-06"))
            await watch.wait(for: "a posting added to the restored folder") {
                site.read("feeds/en/rss.xml")?.contains("Added after the restore") == true
            }
            try site.write("postings/en/later.md", TemporarySite.posting("title: Added later still\ndate: 2026-01-07"))
            await watch.wait(for: "a later posting") { site.read("feeds/en/rss.xml")?.contains("Added later still") == true }
        }
    }

    @Test func aFailedRebuildIsRetriedAndAClosingTimeStillTakesItsJobDown() async throws {
        let gmt = DateParser(timeZone: .gmt)
        var postings = BuildBehaviourTests.postings
        postings["en/closing.md"] = TemporarySite.posting("title: Closing soon\ndate: 2026-01-05\nvalidThrough: 2026-11-18T12:00:00Z")
        let clock = ManualWatchClock(now: gmt.parse("2026-11-18T11:59:00Z")!)
        let watch = WatchHarness(site: try TemporarySite(postings: postings), clock: clock)
        let site = watch.site
        defer { site.remove() }
        try await watch.run {
            await watch.waitForRebuild(after: 0)
            #expect(site.read("feeds/en/rss.xml")?.contains("Closing soon") == true)

            // A feed that cannot be replaced (a folder where the file should be) fails every publication.
            let feed = site.root.appendingPathComponent("feeds/en/rss.xml")
            let saved = try #require(site.read("feeds/en/rss.xml"))
            try FileManager.default.removeItem(at: feed)
            try site.write("feeds/en/rss.xml/blocker", "x")
            try site.write("postings/en/writer.md", TemporarySite.posting("title: Writer, edited\ndate: 2026-02-01"))
            await watch.wait(for: "a failed rebuild") { watch.logged("rebuild failed") >= 1 }

            clock.advance(to: gmt.parse("2026-11-18T12:00:01Z")!)
            await watch.wait(for: "the retry after the closing time") { watch.logged("rebuild failed") >= 2 }

            try FileManager.default.removeItem(at: feed)
            try site.write("feeds/en/rss.xml", saved)
            clock.advance(to: gmt.parse("2026-11-18T12:10:00Z")!)
            await watch.wait(for: "the closed posting to leave the feed") { site.read("feeds/en/rss.xml")?.contains("Closing soon") == false }
            #expect(site.read("feeds/en/rss.xml")?.contains("Writer, edited") == true)
        }
    }

    @Test func retriesBackOffButNeverPassTheNextStatusChange() {
        var schedule = WakeSchedule()
        let now = Timestamp(seconds: 1_000)
        let closing = NextChange(at: Timestamp(seconds: 1_100), postings: ["a.md"])
        #expect(schedule.after(.success(closing), now: now) == .init(at: closing.at, change: closing))
        let failure = DiagnosticError([])
        var delays: [Int64] = []
        for _ in 0..<9 {
            guard let wake = schedule.after(.failure(failure), now: now) else { break }
            delays.append(wake.at.seconds - now.seconds)
        }
        #expect(delays == [1, 2, 4, 8, 16, 32, 64, 100, 100])
        // Past the status change, retries go on, up to five minutes apart.
        let later = Timestamp(seconds: 2_000)
        #expect(schedule.after(.failure(failure), now: later)?.at == Timestamp(seconds: 2_000 + 300))
        #expect(schedule.after(.success(nil), now: later) == nil)
    }

    @Test func aDeletedLockFileIsLockedAgainAndStillKeepsOthersOut() throws {
        let site = try TemporarySite(postings: BuildBehaviourTests.postings)
        defer { site.remove() }
        let config = try site.config()
        let keeper = LockKeeper(try BuildLock.acquire(for: config, timeout: .zero), timeout: .milliseconds(200))
        try FileManager.default.removeItem(at: StateFolder(config).lock)
        #expect(keeper.reassert(for: config, logger: Logger(label: "test")))
        #expect(throws: BuildLock.Failure.self) { try BuildLock.acquire(for: config, timeout: .milliseconds(100)) }
    }

    /// A build waits for a busy lock up to its timeout, trying again at each pause, and takes
    /// the lock as soon as the holder lets go; time here moves only when the wait pauses.
    @Test func aBusyLockIsWaitedForUpToTheTimeoutOnAVirtualClock() throws {
        let site = try TemporarySite(postings: BuildBehaviourTests.postings)
        defer { site.remove() }
        let config = try site.config()
        let start = ContinuousClock.now
        let elapsed = Mutex<Duration>(.zero)
        let pauses = Mutex(0)
        let holder = Mutex<BuildLock?>(try BuildLock.acquire(for: config, timeout: .zero))
        let clock = BuildLock.WaitClock(now: { start + elapsed.withLock { $0 } }, pause: { duration in
            elapsed.withLock { $0 += duration }
            pauses.withLock { $0 += 1 }
        })
        #expect(throws: BuildLock.Failure.self) { try BuildLock.acquire(for: config, timeout: .milliseconds(500), clock: clock) }
        #expect(pauses.withLock { $0 } == 10 && elapsed.withLock { $0 } == .milliseconds(500))
        // The holder lets go during the third pause: the lock is taken at the next try.
        pauses.withLock { $0 = 0 }
        let letting = BuildLock.WaitClock(now: { start }, pause: { _ in
            if pauses.withLock({ count in count += 1; return count }) == 3 { holder.withLock { $0 = nil } }
        })
        let taken = try BuildLock.acquire(for: config, timeout: .seconds(1), clock: letting)
        #expect(pauses.withLock { $0 } == 3 && taken.guards(config))
    }
}
