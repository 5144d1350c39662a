import Foundation
import Testing
import JobFeed

/// The watcher with real inotify on temporary folders. Every wait is bounded and ends as soon
/// as the awaited rebuild happens.
@Suite(.serialized) struct WatchTests {
    static let postings = BuildBehaviourTests.postings

    /// A watcher on the standard postings that has finished its first build. Its debounce
    /// waits on a virtual clock, so no rebuild publishes until a test lets the quiet period pass.
    func settledWatch(clock: any WatchClock = SystemWatchClock()) async throws -> WatchHarness {
        let watch = WatchHarness(site: try TemporarySite(postings: Self.postings), clock: clock)
        await watch.waitForRebuild(after: 0)
        return watch
    }

    @Test func anEditRewritesOnlyTheOutputsItChanges() async throws {
        let watch = try await settledWatch()
        let site = watch.site
        defer { site.remove() }
        try await watch.run {
            let before = watch.count
            try site.write("postings/en/writer.md", TemporarySite.posting("title: Writer, edited\ndate: 2026-02-01\nvalidThrough: 2026-12-31"))
            let rebuild = try #require(await watch.waitForRebuild(after: before))
            #expect(rebuild.trigger.contains("writer.md"))
            let written = Set(rebuild.report.files.written.map { URL(fileURLWithPath: $0).lastPathComponent })
            #expect(written == ["rss.xml", "atom.xml", "feed.json", "writer.jsonld", "jobpostings.jsonld", "postings.csv", "indeed.xml"])
            #expect(rebuild.report.files.written.allSatisfy { !$0.contains("/fr/") })
            #expect(site.read("feeds/en/rss.xml")?.contains("Writer, edited") == true)
        }
    }

    /// A save to a file `exclude:` names, or to one in a folder it names, does not wake the
    /// watcher: the next rebuild is the posting's alone, and no other follows.
    @Test func savesToExcludedFilesDoNotWakeTheWatcher() async throws {
        let excluded = ["README.md": "# Notes\n", "en/old/designer.md": TemporarySite.posting("title: Old designer\ndate: 2026-01-05")]
        let site = try TemporarySite(config: TemporarySite.standardConfig + "\nexclude: [README.md, old/]\n",
                                     postings: Self.postings.merging(excluded) { first, _ in first })
        defer { site.remove() }
        let watch = WatchHarness(site: site)
        await watch.waitForRebuild(after: 0)
        try await watch.run {
            let before = watch.count
            try site.write("postings/README.md", "# Notes, edited\n")
            try site.write("postings/en/old/designer.md", TemporarySite.posting("title: Old designer, edited\ndate: 2026-01-05"))
            try site.write("postings/en/writer.md", TemporarySite.posting("title: Writer, edited\ndate: 2026-02-01\nvalidThrough: 2026-12-31"))
            await watch.waitUntilSeen(files: 1)
            let rebuild = try #require(await watch.waitForRebuild(after: before))
            #expect(rebuild.trigger.hasPrefix("changed: ") && rebuild.trigger.hasSuffix("en/writer.md") && !rebuild.trigger.contains(","))
            await watch.letQuietPeriodsPass(3)
            #expect(watch.count == before + 1)
            #expect(site.read("feeds/en/rss.xml")?.contains("Old designer") == false)
        }
    }

    @Test func createsDeletesRenamesAndEditorSavesAreAllPickedUp() async throws {
        let watch = try await settledWatch()
        let site = watch.site
        defer { site.remove() }
        try await watch.run {

            try site.write("postings/en/new/folder/late.md", TemporarySite.posting("title: Late arrival\ndate: 2026-01-07"))
            await watch.wait(for: "a posting in a new subfolder") { site.read("feeds/en/rss.xml")?.contains("Late arrival") == true }

            let postings = site.root.appendingPathComponent("postings/en")
            try FileManager.default.moveItem(at: postings.appendingPathComponent("new/folder/late.md"), to: postings.appendingPathComponent("renamed.md"))
            await watch.wait(for: "a rename") { site.read("exports/jsonld/en/renamed.jsonld") != nil && site.read("exports/jsonld/en/new/folder/late.jsonld") == nil }

            // vim: write a swap file, move the original aside, write the new file, delete the rest.
            try site.write("postings/en/.renamed.md.swp", "swap")
            try FileManager.default.moveItem(at: postings.appendingPathComponent("renamed.md"), to: postings.appendingPathComponent("renamed.md~"))
            try site.write("postings/en/renamed.md", TemporarySite.posting("title: Saved by vim\ndate: 2026-01-07"))
            try FileManager.default.removeItem(at: postings.appendingPathComponent("renamed.md~"))
            try FileManager.default.removeItem(at: postings.appendingPathComponent(".renamed.md.swp"))
            await watch.wait(for: "a vim-style save") { site.read("feeds/en/rss.xml")?.contains("Saved by vim") == true }

            try FileManager.default.removeItem(at: postings.appendingPathComponent("renamed.md"))
            await watch.wait(for: "a delete") { site.read("exports/jsonld/en/renamed.jsonld") == nil }
            #expect(site.read("feeds/en/rss.xml")?.contains("Saved by vim") == false)
        }
    }

    @Test func aBurstOfAThousandFilesGivesOneRebuildAndTheSameOutputsAsABuild() async throws {
        let watch = try await settledWatch()
        let site = watch.site
        defer { site.remove() }
        try await watch.run {
            let before = watch.count
            // Into a folder watched from the start: the first files of a new folder can be
            // written before its watch is added, and the watcher covers those with a rescan,
            // which is no per-file event for the count below (998 of 1,000 with the other core
            // busy).
            for index in 0..<1000 {
                try site.write("postings/en/burst-\(index).md", TemporarySite.posting("title: Burst \(index)\ndate: 2026-01-05"))
            }
            // However slowly the events arrive, no quiet period passes until the test lets it.
            await watch.waitUntilSeen(files: 1000)
            // The rebuild is recorded after it publishes: waiting for the file alone, a busy
            // machine could still be finishing that rebuild when the count is asserted.
            await watch.wait(for: "the burst to be published") { watch.count > before && site.read("exports/jsonld/en/burst-999.jsonld") != nil }
            await watch.letQuietPeriodsPass(10)
            #expect(watch.count - before == 1, "rebuilds after the burst: \(watch.count - before)")
            let fresh = try TemporarySite(postings: [:])
            defer { fresh.remove() }
            let config = try Config.load(from: site.configURL, overrides: FolderOverrides(
                feeds: fresh.root.appendingPathComponent("feeds").path, exports: fresh.root.appendingPathComponent("exports").path))
            _ = try Publisher(config: config, now: watch.last!.report.catalog.now).build()
            #expect(OutputTree.files(below: site.root.appendingPathComponent("feeds")) == OutputTree.files(below: fresh.root.appendingPathComponent("feeds")))
            #expect(OutputTree.files(below: site.root.appendingPathComponent("exports")) == OutputTree.files(below: fresh.root.appendingPathComponent("exports")))
        }
    }

    /// The watcher and one-shot builds share the state folder's build cache: a watcher starts
    /// from what the last build left, keeps what it renders there (not in memory), and a cron
    /// build after it takes the watcher's work; every output stays a fresh build's.
    @Test func theWatcherAndCronBuildsShareTheStateFoldersCache() async throws {
        let cache = BuildCacheArchiveTests()
        let site = try TemporarySite(postings: IncrementalBuildTests.postings)
        defer { site.remove() }
        _ = try site.build()
        let pack = cache.cacheFile(site, "pack-0").path
        let built = try #require(FileStamp(path: pack)).size
        let watch = WatchHarness(site: site, clock: ManualWatchClock(now: TemporarySite.now))
        let watched = try await watch.run {
            let start = try #require(await watch.waitForRebuild(after: 0))
            #expect(start.report.bodiesRendered == 0)
            #expect(try #require(FileStamp(path: pack)).size == built, "the watcher's first build read or rendered again what the cache held")

            try cache.edit(site, .body)
            let rebuild = try #require(await watch.waitForRebuild(after: 1))
            #expect(cache.cacheWarnings(rebuild.report).isEmpty)
            #expect(rebuild.report.bodiesRendered == 1)
            // The unchanged postings' parts were copied from the published files.
            #expect(rebuild.report.partsCopied > 0)
            #expect(OutputTree.published(below: site.root) == (try cache.freshOutputs(of: site)))
            let watched = try #require(FileStamp(path: pack)).size
            #expect(watched > built && watched - built < built, "the watcher's rebuild appended more than the edited posting")
            return watched
        }

        try cache.edit(site, .title)
        let report = try site.build()
        #expect(cache.cacheWarnings(report).isEmpty)
        #expect(report.bodiesRendered == 1)
        #expect(report.partsCopied > 0)
        #expect(OutputTree.published(below: site.root) == (try cache.freshOutputs(of: site)))
        let cron = try #require(FileStamp(path: pack)).size
        #expect(cron > watched && cron - watched < built, "the cron build did not use what the watcher kept")
    }

    @Test func aPostingLeavesTheOutputsWhenItsClosingTimePassesWithNoFileTouched() async throws {
        let closing = "2026-11-18T12:00:00Z"
        let site = try TemporarySite(postings: ["en/closing.md": TemporarySite.posting("title: Closing soon\ndate: 2026-01-05\nvalidThrough: \(closing)")])
        defer { site.remove() }
        let clock = ManualWatchClock(now: DateParser(timeZone: .gmt).parse("2026-11-18T11:59:00Z")!)
        let watch = WatchHarness(site: site, clock: clock)
        try await watch.run {
            await watch.waitForRebuild(after: 0)
            #expect(site.read("feeds/en/rss.xml")?.contains("Closing soon") == true)
            #expect(watch.last?.report.nextChange?.at == Timestamp(seconds: DateParser(timeZone: .gmt).parse(closing)!.seconds + 1))
            clock.advance(to: DateParser(timeZone: .gmt).parse("2026-11-18T12:00:01Z")!)
            let rebuild = try #require(await watch.waitForRebuild(after: 1))
            #expect(rebuild.trigger.contains("closing.md"))
            #expect(site.read("feeds/en/rss.xml")?.contains("Closing soon") == false)
            #expect(site.read("exports/jsonld/en/closing.jsonld") == nil)
            #expect(site.read("exports/postings.csv")?.contains(",expired,") == true)
        }
    }

    /// The system clock never wakes a sleeper early (a posting must not leave before it closes);
    /// how late it wakes depends on the machine, and is not asserted.
    @Test func theSystemClockWakesNoEarlierThanTheMoment() async throws {
        let moment = Timestamp(seconds: Timestamp(Date()).seconds + 1)
        try await SystemWatchClock().sleep(until: moment)
        #expect(Timestamp(Date()) >= moment)
    }

    /// A wall clock set ahead while the watcher sleeps (NTP stepping a clock that was behind, a
    /// virtual machine resumed) does not keep a closed posting published until the sleep ends:
    /// the sleep reads the wall clock again at least every `longestSleep`. Here the clock jumps
    /// an hour ahead during the first of the sleeps toward a moment two hours away.
    @Test func aWallClockSetAheadIsNoticedWithinTheLongestSleep() async throws {
        let wall = FakeWallClock(seconds: 1_000.5)
        let moment = Timestamp(seconds: 1_000 + 7_200)
        try await SystemWatchClock.sleep(until: moment, longest: SystemWatchClock.longestSleep, wallClock: { wall.seconds }) { duration in
            wall.sleep(duration, jump: wall.slept.isEmpty ? 3_600 : 0)
        }
        #expect(wall.seconds >= TimeInterval(moment.seconds))
        #expect(wall.seconds < TimeInterval(moment.seconds) + 0.01)
        #expect(wall.slept.allSatisfy { $0 <= SystemWatchClock.longestSleep })
        // Slept an hour, and the clock's jump did the rest (one sleep would have been two hours).
        #expect(wall.slept.reduce(Duration.zero, +) < .seconds(3_601))
    }

    /// Set back during a sleep, the wall clock does not wake the sleeper before the moment.
    @Test func aWallClockSetBackIsSleptThrough() async throws {
        let wall = FakeWallClock(seconds: 1_000)
        let moment = Timestamp(seconds: 1_005)
        try await SystemWatchClock.sleep(until: moment, longest: SystemWatchClock.longestSleep, wallClock: { wall.seconds }) { duration in
            wall.sleep(duration, jump: wall.slept.isEmpty ? -60 : 0)
        }
        #expect(wall.seconds >= TimeInterval(moment.seconds))
        #expect(wall.slept.count > 1)
    }

    @Test func aFutureDatedPostingAppearsAtItsTime() async throws {
        let site = try TemporarySite(postings: ["en/monday.md": TemporarySite.posting("title: Opens Monday\ndate: 2026-11-23T09:00:00-05:00")])
        defer { site.remove() }
        let clock = ManualWatchClock(now: DateParser(timeZone: .gmt).parse("2026-11-20T12:00:00Z")!)
        let watch = WatchHarness(site: site, clock: clock)
        try await watch.run {
            await watch.waitForRebuild(after: 0)
            #expect(site.read("feeds/en/rss.xml")?.contains("Opens Monday") == false)
            clock.advance(to: DateParser(timeZone: .gmt).parse("2026-11-23T14:00:00Z")!)
            await watch.wait(for: "the posting to appear") { site.read("feeds/en/rss.xml")?.contains("Opens Monday") == true }
        }
    }

    @Test func aBrokenEditKeepsTheLastGoodVersionAndReportsTheLine() async throws {
        let watch = try await settledWatch()
        let site = watch.site
        defer { site.remove() }
        try await watch.run {
            let before = watch.count
            let published = site.read("feeds/en/rss.xml")
            try site.write("postings/en/writer.md", TemporarySite.posting("title: Writer\ndate: 2026-02-01\nvalidThrough: someday"))
            let rebuild = try #require(await watch.waitForRebuild(after: before))
            #expect(rebuild.report.hasErrors)
            #expect(site.read("feeds/en/rss.xml") == published)
            #expect(watch.logged("postings/en/writer.md:4:15: error: 'validThrough' is not a date") > 0)
        }
    }

    @Test func aBrokenConfigKeepsTheLastGoodOne() async throws {
        let watch = try await settledWatch()
        let site = watch.site
        defer { site.remove() }
        try await watch.run {
            let before = watch.count
            try site.write("jobfeed.yml", TemporarySite.standardConfig + "\nbaseURL: [broken")
            await watch.waitForRebuild(after: before)
            #expect(watch.logged("still using the last good config") > 0)
            #expect(site.read("feeds/en/rss.xml")?.contains("https://jobs.example.org/") == true)
        }
    }

    /// A config that loads but breaks postings that read cleanly before publishes nothing: the
    /// watcher logs why, and the feeds stay as they were (see `ConfigBrokenPostingsTests`).
    @Test func aConfigThatBreaksThePostingsPublishesNothing() async throws {
        let watch = try await settledWatch()
        let site = watch.site
        defer { site.remove() }
        let feed = site.read("feeds/en/rss.xml")
        try await watch.run {
            let before = watch.count
            try site.write("jobfeed.yml", ConfigBrokenPostingsTests.remapped)
            await watch.waitForRebuild(after: before)
            #expect(watch.logged(ConfigBrokenPostingsTests.explanation) > 0)
            #expect(watch.logged("nothing published") > 0)
            #expect(site.read("feeds/en/rss.xml") == feed)
        }
    }

    /// Every posting file deleted at once (a checkout under way) fails the rebuild: the feeds
    /// stay as they were, and the files' return publishes again (see `EmptyPostingsFolderTests`).
    @Test func everyPostingDeletedAtOncePublishesNothing() async throws {
        let watch = try await settledWatch()
        let site = watch.site
        defer { site.remove() }
        let feed = site.read("feeds/en/rss.xml")
        let postings = site.root.appendingPathComponent("postings")
        let away = site.root.appendingPathComponent("away")
        try await watch.run {
            try FileManager.default.createDirectory(at: away, withIntermediateDirectories: true)
            for language in ["en", "fr"] {
                try FileManager.default.moveItem(at: postings.appendingPathComponent(language), to: away.appendingPathComponent(language))
            }
            await watch.wait(for: "the refusal") { watch.logged("the postings folder holds no posting file") > 0 }
            #expect(site.read("feeds/en/rss.xml") == feed)
        }
    }

    /// One language's folder gone at once: its jobs stay published, the other's too.
    @Test func aLanguageFolderDeletedAtOncePublishesNothing() async throws {
        let watch = WatchHarness(site: try TemporarySite(postings: EmptyPostingsFolderTests.bilingual), clock: SystemWatchClock())
        await watch.waitForRebuild(after: 0)
        let site = watch.site
        defer { site.remove() }
        let feed = site.read("feeds/fr/rss.xml")
        let away = site.root.appendingPathComponent("away")
        try await watch.run {
            try FileManager.default.moveItem(at: site.root.appendingPathComponent("postings/fr"), to: away)
            await watch.wait(for: "the refusal") { watch.logged("no posting file's path names the language 'fr'") > 0 }
            #expect(site.read("feeds/fr/rss.xml") == feed)
        }
    }

    /// A Hugo section page's cascade is part of the config: a save to it, in the postings
    /// folder or above it, reloads the config and rebuilds, with inotify and with polling.
    @Test(arguments: [false, true])
    func aSaveToAHugoSectionPageReloadsTheConfig(polling: Bool) async throws {
        let site = try TemporarySite(config: TemporarySite.standardConfig + "\npostings: content/jobs\nconventions: hugo\ndefaultLanguage: en\n")
        defer { site.remove() }
        try site.write("content/_index.md", "---\ntitle: Home\n---\n")
        try site.write("content/jobs/team/_index.md", "---\ntitle: Team\n---\n")
        try site.write("content/jobs/team/analyst.md", TemporarySite.posting("title: Analyst\ndate: 2026-01-05"))
        // The second save is above the postings folder: the home page's.
        try await expectConfigReloads(site, polling: polling, saves: [
            ("content/jobs/team/_index.md", "---\ntitle: Team\ncascade:\n  draft: true\n---\n"),
            ("content/_index.md", "---\ntitle: Home\ncascade:\n  employmentType: VOLUNTEER\n---\n"),
            ("content/jobs/team/_index.md", ""),
        ])
    }

    /// Jekyll's `_config.yml` is part of the config under `conventions: jekyll`: a save to its
    /// `defaults:` reloads the config and rebuilds, with inotify and with polling.
    @Test(arguments: [false, true])
    func aSaveToJekyllsConfigReloadsTheConfig(polling: Bool) async throws {
        let site = try TemporarySite(config: TemporarySite.standardConfig + "\npostings: _jobs\nconventions: jekyll\ndefaultLanguage: en\n")
        defer { site.remove() }
        try site.write("_config.yml", "title: Careers\n")
        try site.write("_jobs/2026-01-05-analyst.md", TemporarySite.posting("title: Analyst"))
        try await expectConfigReloads(site, polling: polling, saves: [
            ("_config.yml", "title: Careers\ndefaults:\n  - scope: {type: jobs}\n    values: {published: false}\n"),
            // Cut short: the last good config stays, and what it hides stays hidden.
            ("_config.yml", ""),
        ])
    }

    /// Hugo's site config is part of the config under `conventions: hugo`, beside the config or
    /// in Hugo's config folder: a save to its `cascade` reloads the config and rebuilds, with
    /// inotify and with polling.
    @Test(arguments: [false, true], ["hugo.toml", "config/_default/hugo.toml"])
    func aSaveToHugosConfigReloadsTheConfig(polling: Bool, file: String) async throws {
        let site = try TemporarySite(config: TemporarySite.standardConfig + "\npostings: content/jobs\nconventions: hugo\ndefaultLanguage: en\n")
        defer { site.remove() }
        try site.write(file, "title = 'Careers'\n")
        try site.write("content/jobs/analyst.md", TemporarySite.posting("title: Analyst\ndate: 2026-01-05"))
        try await expectConfigReloads(site, polling: polling, saves: [
            (file, "title = 'Careers'\n[cascade]\n  draft = true\n"),
            (file, ""),
        ])
    }

    /// Watches the site, whose one posting, Analyst, is published; makes each save in turn,
    /// each followed by a config reload (none for a file emptied) and a rebuild; the first hides
    /// Analyst.
    func expectConfigReloads(_ site: TemporarySite, polling: Bool, saves: [(path: String, text: String)]) async throws {
        let watch = WatchHarness(site: site, polling: polling)
        try await watch.run {
            await watch.waitForRebuild(after: 0)
            #expect(site.read("feeds/en/rss.xml")?.contains("Analyst") == true)
            for save in saves {
                // A save can come as two events (the file cut, then written): the rebuilds the
                // last one still owes happen before this one is made.
                await watch.letQuietPeriodsPass(3)
                let (before, reloads) = (watch.count, watch.logged("config reloaded"))
                try site.write(save.path, save.text)
                #expect(try #require(await watch.waitForRebuild(after: before)).trigger.contains("config changed"), "after saving \(save.path)")
                // Waited for, not taken from that rebuild: a poller can see the last save in
                // two looks (cut, then written), and the rebuild the second look owes can come
                // after the counts above were taken, when a loaded machine delays the look past
                // the quiet periods let pass (once in 15 runs of the watcher's suites with the
                // cores loaded).
                await watch.wait(for: "the save to be read") {
                    save.text.isEmpty ? watch.logged("is empty now") > 0 : watch.logged("config reloaded") > reloads
                }
                #expect(site.read("feeds/en/rss.xml")?.contains("Analyst") == false)
            }
        }
    }

    @Test func pollingFindsChangesWhenInotifyIsNotUsed() async throws {
        let site = try TemporarySite(postings: Self.postings)
        defer { site.remove() }
        let watch = WatchHarness(site: site, polling: true)
        try await watch.run {
            await watch.waitForRebuild(after: 0)
            try site.write("postings/en/polled.md", TemporarySite.posting("title: Found by polling\ndate: 2026-01-05"))
            await watch.wait(for: "polling to find the new posting") { site.read("feeds/en/rss.xml")?.contains("Found by polling") == true }
            // The config is a file of its own, which the poller stamps as it is.
            try site.write("jobfeed.yml", TemporarySite.standardConfig.replacingOccurrences(of: "title: Example Jobs", with: "title: Polled Jobs"))
            await watch.wait(for: "polling to find the config's change") { site.read("feeds/en/rss.xml")?.contains("Polled Jobs") == true }
            #expect(watch.logged("config reloaded") > 0)
        }
    }
}

/// A wall clock that moves only by the sleeps asked of it, and by the jumps a test adds.
private final class FakeWallClock {
    private(set) var seconds: TimeInterval
    private(set) var slept: [Duration] = []

    init(seconds: TimeInterval) {
        self.seconds = seconds
    }

    func sleep(_ duration: Duration, jump: TimeInterval) {
        slept.append(duration)
        let parts = duration.components
        seconds += TimeInterval(parts.seconds) + TimeInterval(parts.attoseconds) / 1e18 + jump
    }
}
