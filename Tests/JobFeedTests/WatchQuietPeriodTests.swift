import Foundation
import Testing
import JobFeed

/// A watcher's rebuild begins at a change and publishes once the files have been quiet for the
/// debounce (a virtual clock here, moved only by the test): it reads and renders meanwhile,
/// puts nothing in place before the quiet period ends, and gives way to the next rebuild when
/// a file changes after it was read.
@Suite(.serialized) struct WatchQuietPeriodTests {
    static let edited = TemporarySite.posting("title: Writer, edited\ndate: 2026-02-01\nvalidThrough: 2026-12-31")

    @Test(.timeLimit(.minutes(2))) func aRebuildRendersDuringTheQuietPeriodAndPublishesOnlyAfterIt() async throws {
        let watch = try await WatchTests().settledWatch()
        let site = watch.site
        defer { site.remove() }
        try await watch.run {
            let before = watch.count
            let feed = site.read("feeds/en/rss.xml")
            try site.write("postings/en/writer.md", Self.edited)
            // Rendered and held, the clock not moved since the change.
            await watch.waitUntilHeld()
            #expect(site.read("feeds/en/rss.xml") == feed)
            #expect(site.read("exports/jsonld/en/writer.jsonld")?.contains("Writer, edited") == false)
            #expect(watch.count == before)
            let rebuild = try #require(await watch.waitForRebuild(after: before))
            #expect(rebuild.trigger.contains("writer.md"))
            #expect(site.read("feeds/en/rss.xml")?.contains("Writer, edited") == true)
            await watch.letQuietPeriodsPass(3)
            #expect(watch.count == before + 1)
        }
    }

    /// A second file saved while the first one's rebuild is held: that rebuild publishes
    /// nothing, and the one after it publishes both saves, once.
    @Test(.timeLimit(.minutes(2))) func aChangeAfterTheReadMakesTheRebuildGiveWayToOneThatPublishesBoth() async throws {
        let watch = try await WatchTests().settledWatch()
        let site = watch.site
        defer { site.remove() }
        try await watch.run {
            let before = watch.count
            try site.write("postings/en/writer.md", Self.edited)
            await watch.waitUntilHeld()
            try site.write("postings/en/tester.md", TemporarySite.posting("title: Tester, edited\ndate: 2026-03-01"))
            await watch.waitUntilSeen(files: 2)
            #expect(site.read("feeds/en/rss.xml")?.contains("Writer, edited") == false)
            let rebuild = try #require(await watch.waitForRebuild(after: before))
            #expect(rebuild.trigger.contains("writer.md") && rebuild.trigger.contains("tester.md"), "trigger: \(rebuild.trigger)")
            let feed = site.read("feeds/en/rss.xml") ?? ""
            #expect(feed.contains("Writer, edited") && feed.contains("Tester, edited"))
            await watch.letQuietPeriodsPass(3)
            #expect(watch.count == before + 1)
        }
    }

    /// A config save is read only once the files have settled, not at its first event: a
    /// config read mid-save (cut, then written) would keep the last one, and a poller may see
    /// no later change to make up for it. Until the test lets the quiet period pass, the
    /// watcher has seen it and neither reloaded nor begun a rebuild.
    @Test(.timeLimit(.minutes(2))) func aConfigSaveIsReadOnceTheFilesHaveSettled() async throws {
        let watch = try await WatchTests().settledWatch()
        let site = watch.site
        defer { site.remove() }
        try await watch.run {
            let before = watch.count
            try site.write("jobfeed.yml", TemporarySite.standardConfig.replacingOccurrences(of: "title:", with: "title: Renamed,"))
            await watch.wait(for: "the config save to be seen", timeout: .seconds(60), movingTheClock: false) {
                watch.service.pending.withLock { $0.configChanged } || watch.service.isHoldingARebuild
            }
            // Seen: nothing more happens while the clock stands still.
            try await Task.sleep(for: .milliseconds(100))
            #expect(watch.logged("config reloaded") == 0)
            #expect(!watch.service.isHoldingARebuild)
            let rebuild = try #require(await watch.waitForRebuild(after: before))
            #expect(rebuild.trigger.contains("config changed"))
            #expect(watch.logged("config reloaded") == 1)
        }
    }

    /// A stop while a rebuild is held (the clock never moves on): the watcher ends, and the
    /// held rebuild publishes nothing.
    @Test(.timeLimit(.minutes(2))) func aStopWhileARebuildIsHeldPublishesNothing() async throws {
        let watch = try await WatchTests().settledWatch()
        let site = watch.site
        defer { site.remove() }
        let feed = site.read("feeds/en/rss.xml")
        try await watch.run {
            try site.write("postings/en/writer.md", Self.edited)
            await watch.waitUntilHeld()
        }
        #expect(site.read("feeds/en/rss.xml") == feed)
        #expect(site.read("exports/jsonld/en/writer.jsonld")?.contains("Writer, edited") == false)
    }
}
