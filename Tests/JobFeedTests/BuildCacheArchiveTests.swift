import Foundation
import Testing
import JobFeed
import JobFeedCore
import JobFeedPublishing
@_spi(Specialized) import JobFeedRendering
import JobFeedSystem

/// The build cache in the state folder: a one-shot build after an edit takes the unchanged
/// postings' readings and parts from it, and its outputs are byte for byte a fresh build's;
/// a damaged cache is discarded with a warning, never trusted; a build that does not publish
/// leaves it as it was.
@Suite struct BuildCacheArchiveTests {
    typealias Edit = IncrementalBuildTests.Edit

    func edit(_ site: TemporarySite, _ edit: Edit) throws {
        _ = try edit.apply(to: site)
    }

    /// The outputs a build from nothing makes of the site's postings now.
    func freshOutputs(of site: TemporarySite) throws -> [String: Data] {
        let fresh = try TemporarySite(config: try #require(site.read("jobfeed.yml")), postings: [:])
        defer { fresh.remove() }
        try FileManager.default.removeItem(at: fresh.root.appendingPathComponent("postings"))
        try FileManager.default.copyItem(at: site.root.appendingPathComponent("postings"), to: fresh.root.appendingPathComponent("postings"))
        _ = try fresh.build()
        return OutputTree.published(below: fresh.root)
    }

    /// What the build said about its cache (the fixture's postings have warnings of their own).
    func cacheWarnings(_ report: BuildReport) -> [String] {
        report.diagnostics.map(\.message).filter { $0.contains("cache") }
    }

    func cacheFile(_ site: TemporarySite, _ name: String) -> URL {
        site.root.appendingPathComponent(".jobfeed/cache/\(name)")
    }

    /// The cache's index and pack as they are on disk.
    func cacheBytes(_ site: TemporarySite) throws -> [Data] {
        [try Data(contentsOf: cacheFile(site, "index")), try Data(contentsOf: cacheFile(site, "pack-0"))]
    }

    /// Rewrites `en/writer.md` in place as "Wraith", with the same size and times: its stamp
    /// says unchanged, so only what was read from the cache still says "Writer".
    func renameWriterKeepingItsStamp(_ site: TemporarySite) throws {
        #expect(try site.rewriteKeepingItsStamp("postings/en/writer.md", replacing: "title: Writer", with: "title: Wraith") != nil)
    }

    /// Flips the first byte of each entry's bytes in the pack.
    func damage(_ entries: some Sequence<CacheIndex.Entry>, in site: TemporarySite) throws {
        var pack = try Data(contentsOf: cacheFile(site, "pack-0"))
        for entry in entries { pack[Int(entry.offset)] ^= 0xFF }
        try pack.write(to: cacheFile(site, "pack-0"))
    }

    @Test(arguments: Edit.allCases)
    func aCronBuildAfterAnEditEqualsAFreshBuild(_ change: Edit) throws {
        let site = try TemporarySite(postings: IncrementalBuildTests.postings)
        defer { site.remove() }
        _ = try site.build()
        let packBefore = try #require(FileStamp(path: cacheFile(site, "pack-0").path)).size
        try edit(site, change)
        let report = try site.build()
        #expect(cacheWarnings(report).isEmpty)
        #expect(OutputTree.published(below: site.root) == (try freshOutputs(of: site)))
        // Only what changed was read and rendered again, and appended.
        let packAfter = try #require(FileStamp(path: cacheFile(site, "pack-0").path)).size
        #expect(packAfter - packBefore < packBefore)
    }

    @Test func anUnchangedFileIsTakenFromTheCacheNotReadAgain() throws {
        let site = try TemporarySite(postings: IncrementalBuildTests.postings)
        defer { site.remove() }
        _ = try site.build()
        // Its stamp says unchanged, so the cache's reading stands (as the watcher's and the
        // no-op check's would).
        try renameWriterKeepingItsStamp(site)
        try site.write("postings/en/tester.md", TemporarySite.posting("title: Tester, edited\ndate: 2026-03-01"))
        _ = try site.build()
        #expect(site.read("feeds/en/rss.xml")?.contains("<title>Writer</title>") == true)
        #expect(site.read("feeds/en/rss.xml")?.contains("Tester, edited") == true)
    }

    @Test(arguments: ["pack-0", "index"])
    func aDamagedCacheIsDiscardedWithAWarning(_ file: String) throws {
        let site = try TemporarySite(postings: IncrementalBuildTests.postings)
        defer { site.remove() }
        _ = try site.build()
        let url = cacheFile(site, file)
        var bytes = try Data(contentsOf: url)
        // A byte in every 256, so that every entry is hit.
        for offset in stride(from: 100, to: bytes.count, by: 256) { bytes[offset] ^= 0x5A }
        try bytes.write(to: url)
        try edit(site, .title)
        let report = try site.build()
        #expect(cacheWarnings(report).contains { $0.contains("build cache was damaged") })
        #expect(OutputTree.published(below: site.root) == (try freshOutputs(of: site)))
        // The next build finds a sound cache again.
        try edit(site, .body)
        #expect(cacheWarnings(try site.build()).isEmpty)
    }

    /// A part left in the cache (a cron build leaves there the parts its outputs copy from
    /// their last files) reads back intact if an output needs it after all. Once its bytes are
    /// damaged it reads back as nothing, and the build that publishes says so and drops it from
    /// the index, found again by the part's source (all the part carries), the other parts kept;
    /// as well when the damage is found while the outputs are written, after the index was
    /// prepared (`CacheArchive.prepareCommit`).
    @Test(arguments: [false, true])
    func aPartLeftInTheCacheReadsBackAndIsDroppedOnceDamaged(foundWhilePublishing: Bool) throws {
        let site = try TemporarySite(postings: IncrementalBuildTests.postings)
        defer { site.remove() }
        _ = try site.build()
        let config = try site.config()
        let key = CacheArchive.key(for: config)
        func openedCache() throws -> (BuildCache, CacheArchive) {
            let cache = BuildCache(archive: CacheArchive(state: StateFolder(config), key: key))
            cache.beginBuild(room: 0)
            return (cache, try #require(cache.archive))
        }
        let csv = CacheIndex.load(from: cacheFile(site, "index").path, key: key).index.allEntries.filter { $0.key.kind == "csv" }
        #expect(csv.count >= 2)
        let (damagedKey, entry) = try #require(csv.min { $0.value.offset < $1.value.offset })
        let (cache, archive) = try openedCache()
        let left = try #require(archive.parts(["csv"], of: damagedKey.posting, stamp: entry.stamp, context: entry.context) { _, _ in false }[kind: "csv"])
        #expect(left.isLeftInCache)
        let bytes = try #require(left.data())
        #expect(bytes.withUnsafeBytes { ContentDigest.of($0) } == entry.digest)
        try damage([entry], in: site)
        if foundWhilePublishing { archive.prepareCommit() }
        #expect(left.data() == nil)
        #expect(archive.commit(cache).contains { $0.message.contains("build cache was damaged") })
        let (_, reopened) = try openedCache()
        for (partKey, kept) in csv {
            // Not read back: found when the index holds it still.
            let found = reopened.parts(["csv"], of: partKey.posting, stamp: kept.stamp, context: kept.context) { _, _ in false }[kind: "csv"]
            #expect((found == nil) == (partKey == damagedKey))
        }
    }

    @Test func aBuildThatDoesNotPublishLeavesTheCacheAsItWas() throws {
        let site = try TemporarySite(postings: IncrementalBuildTests.postings)
        defer { site.remove() }
        _ = try site.build()
        let cache = try cacheBytes(site)
        try edit(site, .body)
        try site.write("postings/en/broken.md", TemporarySite.posting("title: Broken\ndate: someday"))
        let report = try Publisher(config: try site.config(), now: TemporarySite.now).build(strict: true)
        #expect(!report.published)
        #expect(try cacheBytes(site) == cache)
    }

    /// A pack that cannot be written (a folder stands at its path) costs only the cache: the
    /// build publishes and says so, and the next one that renders, with the pack writable
    /// again, keeps a cache that a cron build then uses.
    @Test func aPackThatCannotBeWrittenCostsTheCacheNotTheOutputs() throws {
        let site = try TemporarySite(postings: IncrementalBuildTests.postings)
        defer { site.remove() }
        try site.write(".jobfeed/cache/pack-0/blocker", "")
        let report = try site.build()
        #expect(report.published)
        #expect(cacheWarnings(report).contains { $0.contains("cannot keep the build cache") })
        #expect(OutputTree.published(below: site.root) == (try freshOutputs(of: site)))
        // Said once: the no-op build after it, which uses no cache, does not say it again.
        let noOp = try site.build()
        #expect(noOp.timings.map(\.step).last == "check the build record")
        #expect(cacheWarnings(noOp).isEmpty)
        try FileManager.default.removeItem(at: cacheFile(site, "pack-0"))
        // With no cache kept, this build renders every posting again, and keeps them.
        try edit(site, .title)
        #expect(cacheWarnings(try site.build()).isEmpty)
        try edit(site, .body)
        let cron = try site.build()
        #expect(cacheWarnings(cron).isEmpty)
        #expect(cron.bodiesRendered == 1)
        #expect(OutputTree.published(below: site.root) == (try freshOutputs(of: site)))
    }

    /// A posting file that is gone takes its entries out of the index when the build
    /// publishes; every other file keeps its own.
    @Test func aRemovedPostingsEntriesLeaveTheIndex() throws {
        let site = try TemporarySite(postings: IncrementalBuildTests.postings)
        defer { site.remove() }
        _ = try site.build()
        // The index as a build opens it: the file, and the log of the builds since.
        func paths() throws -> Set<String> {
            var (index, damaged) = CacheIndex.load(from: cacheFile(site, CacheIndex.fileName).path, key: CacheArchive.key(for: try site.config()))
            #expect(!damaged)
            _ = CacheIndexLog.replay(from: cacheFile(site, CacheIndexLog.fileName).path, onto: &index, following: index.fileDigest)
            return Set(index.entries.keys.map(\.path))
        }
        let before = try paths()
        #expect(before.contains { $0.hasSuffix("postings/fr/designer.md") } && before.count == IncrementalBuildTests.postings.count)
        try edit(site, .postingRemoved)
        _ = try site.build()
        let after = try paths()
        #expect(after == before.filter { !$0.hasSuffix("postings/fr/designer.md") })
    }

    /// After an English edit the French feeds are left as they are, and their items are not
    /// even read back: damaged French items go unnoticed, and the outputs are still right.
    @Test func aKeptFeedsItemsAreNotReadBack() throws {
        let site = try TemporarySite(postings: IncrementalBuildTests.postings)
        defer { site.remove() }
        _ = try site.build()
        let (index, _) = CacheIndex.load(from: cacheFile(site, "index").path, key: CacheArchive.key(for: try site.config()))
        let items = index.allEntries.filter { $0.key.path.contains("/postings/fr/") && ["rss-item", "atom-item", "jsonfeed"].contains($0.key.kind) }
        #expect(items.count == 3)
        try damage(items.values, in: site)
        try edit(site, .title)
        let report = try site.build()
        #expect(cacheWarnings(report).isEmpty)
        #expect(report.files.unchanged.filter { $0.contains("feeds/fr/") }.count == 3)
        #expect(OutputTree.published(below: site.root) == (try freshOutputs(of: site)))
    }

    /// After an edit to a posting's text the sitemap, whose pages did not change, is left as it
    /// is without being rendered; after an edit that changes a page (a translation added, whose
    /// alternate link the page lists; a date of change, its `lastmod`), it is written again.
    @Test func theSitemapIsRenderedOnlyWhenAPageChanged() throws {
        let site = try TemporarySite(postings: IncrementalBuildTests.postings)
        defer { site.remove() }
        _ = try site.build()
        try edit(site, .body)
        let edited = try site.build()
        #expect(edited.files.kept.contains { $0.hasSuffix("exports/sitemap.xml") })
        #expect(edited.files.written.contains { $0.hasSuffix("jobpostings.jsonld") })
        try edit(site, .translationAdded)
        let added = try site.build()
        #expect(added.files.written.contains { $0.hasSuffix("exports/sitemap.xml") })
        #expect(OutputTree.published(below: site.root) == (try freshOutputs(of: site)))
        try site.write("postings/en/designer.md", TemporarySite.posting("title: Designer\ndate: 2026-01-05\nupdated: 2026-02-20\ntranslationKey: designer", body: "Changed."))
        let updated = try site.build()
        #expect(updated.files.written.contains { $0.hasSuffix("exports/sitemap.xml") })
        #expect(site.read("exports/sitemap.xml")?.contains("<lastmod>2026-02-20") == true)
        #expect(OutputTree.published(below: site.root) == (try freshOutputs(of: site)))
    }

    /// With a feed limit, the JSON Feed's items of the postings past it are not read back
    /// either (the XML feeds' are never rendered; the JSON Feed's item is a format's part, kept
    /// for every active posting): their damaged bytes go unnoticed, and the outputs are right.
    @Test func itemsPastAFeedsLimitAreNotReadBack() throws {
        let site = try TemporarySite(config: TemporarySite.standardConfig + "\nlimits:\n  feedItems: 1\n", postings: IncrementalBuildTests.postings)
        defer { site.remove() }
        _ = try site.build()
        let (index, _) = CacheIndex.load(from: cacheFile(site, "index").path, key: CacheArchive.key(for: try site.config()))
        let pastTheLimit = ["/postings/en/writer.md", "/postings/en/designer.md"]
        let items = index.allEntries.filter { entry in
            pastTheLimit.contains { entry.key.path.hasSuffix($0) } && ["rss-item", "atom-item", "jsonfeed"].contains(entry.key.kind)
        }
        #expect(items.count == 2 && items.keys.allSatisfy { $0.kind == "jsonfeed" })
        try damage(items.values, in: site)
        // The newest English posting, the one its feeds hold, is edited: they are written again.
        try edit(site, .title)
        let report = try site.build()
        #expect(cacheWarnings(report).isEmpty)
        #expect(report.files.written.contains { $0.hasSuffix("feeds/en/feed.json") })
        #expect(OutputTree.published(below: site.root) == (try freshOutputs(of: site)))
    }

    /// A cron build renders the bodies of the changed postings only: with a feed limit too,
    /// where the postings past the limit have no feed item to find in the cache, and the
    /// outputs are still a fresh build's.
    @Test(arguments: [nil, 1])
    func aCronBuildRendersOnlyTheChangedPostingsBodies(_ feedItems: Int?) throws {
        let config = TemporarySite.standardConfig + (feedItems.map { "\nlimits:\n  feedItems: \($0)\n" } ?? "")
        let site = try TemporarySite(config: config, postings: IncrementalBuildTests.postings)
        defer { site.remove() }
        let first = try site.build()
        #expect(first.bodiesRendered == first.catalog.entries.count && first.bodiesRendered > 2)
        try edit(site, .title)
        let report = try site.build()
        #expect(report.bodiesRendered == 1)
        #expect(OutputTree.published(below: site.root) == (try freshOutputs(of: site)))
    }

    /// A cron build records its changes to the index in the index's log instead of writing the
    /// index whole; the next build replays them, and a record cut short by a killed build is
    /// left out (what it held is rendered again), never misread.
    @Test func theIndexLogCarriesEachBuildsChanges() throws {
        let site = try TemporarySite(postings: IncrementalBuildTests.postings)
        defer { site.remove() }
        _ = try site.build()
        let index = try Data(contentsOf: cacheFile(site, "index"))
        var logLength = 0
        for (attempt, change) in [Edit.body, .title, .translationAdded].enumerated() {
            try edit(site, change)
            let report = try site.build()
            #expect(cacheWarnings(report).isEmpty)
            #expect(report.bodiesRendered <= 2, "after edit \(attempt)")
            #expect(OutputTree.published(below: site.root) == (try freshOutputs(of: site)))
            #expect(try Data(contentsOf: cacheFile(site, "index")) == index)
            let length = try #require(FileStamp(path: cacheFile(site, "index-log").path)).size
            #expect(Int(length) > logLength)
            logLength = Int(length)
            // The documents the build wrote are in its record: the index as the next process
            // reads it knows each recorded output as the file is now.
            var replayed = CacheIndex.load(from: cacheFile(site, "index").path, key: CacheArchive.key(for: try site.config())).index
            _ = CacheIndexLog.replay(from: cacheFile(site, CacheIndexLog.fileName).path, onto: &replayed, following: replayed.fileDigest)
            let documents = replayed.outputs.filter { $0.key.text.hasSuffix(".jsonld") && FileManager.default.fileExists(atPath: $0.key.text) }
            #expect(!documents.isEmpty)
            for (path, output) in documents { #expect(FileStamp(path: path.text) == output.stamp, "\(path.text) after edit \(attempt)") }
        }
        // Any byte of the log flipped: replaying stops at that record, without a crash.
        let log = cacheFile(site, "index-log")
        let logBytes = try Data(contentsOf: log)
        let (base, _) = CacheIndex.load(from: cacheFile(site, "index").path, key: CacheArchive.key(for: try site.config()))
        let flippedLog = ScratchPath.unused("log")
        defer { try? FileManager.default.removeItem(at: flippedLog) }
        for offset in stride(from: 0, to: logBytes.count, by: 7) {
            var flipped = logBytes
            flipped[offset] ^= 0xFF
            try flipped.write(to: flippedLog)
            var replayed = base
            #expect(CacheIndexLog.replay(from: flippedLog.path, onto: &replayed, following: base.fileDigest) < logBytes.count)
        }
        // The last record cut short, as a build killed while appending it leaves it.
        try Data(contentsOf: log).dropLast(5).write(to: log)
        try site.write("postings/en/tester.md", TemporarySite.posting("title: Tester, again\ndate: 2026-03-01"))
        let report = try site.build()
        #expect(cacheWarnings(report).isEmpty)
        #expect(report.bodiesRendered >= 2, "the cut record's postings are rendered again")
        #expect(OutputTree.published(below: site.root) == (try freshOutputs(of: site)))
        try edit(site, .body)
        #expect(try site.build().bodiesRendered == 1)
    }

    /// `check` takes unchanged files' readings and parts from the cache, and never changes it:
    /// the cache's files are byte for byte as the build left them, and what it says a build
    /// would write is what the next build writes.
    @Test func checkReadsTheCacheAndLeavesItAsItWas() throws {
        let site = try TemporarySite(postings: IncrementalBuildTests.postings)
        defer { site.remove() }
        _ = try site.build()
        let cache = try cacheBytes(site)
        // Only a check that used the cache still sees "Writer".
        try renameWriterKeepingItsStamp(site)
        try edit(site, .title)
        let checked = try Publisher(config: try site.config(), now: TemporarySite.now).check()
        #expect(checked.catalog.entries.contains { $0.posting.title == "Writer" })
        #expect(!checked.catalog.entries.contains { $0.posting.title == "Wraith" })
        #expect(try cacheBytes(site) == cache)
        let built = try site.build()
        #expect(Set(checked.files.written) == Set(built.files.written))
        #expect(Set(checked.files.unchanged) == Set(built.files.unchanged.filter { !$0.hasSuffix(".gz") }))
    }

    /// After an edit, `check` compares the unchanged postings' parts where the outputs' layouts
    /// say they lie, and reads none of them back from the pack: damaged there, they go
    /// unnoticed, and what it says a build would write is still what the next build writes.
    @Test func checkComparesPartsWhereTheOutputsHoldThem() throws {
        let site = try TemporarySite(postings: IncrementalBuildTests.postings)
        defer { site.remove() }
        _ = try site.build()
        let (index, _) = CacheIndex.load(from: cacheFile(site, "index").path, key: CacheArchive.key(for: try site.config()))
        let parts = index.allEntries.filter { !$0.key.kind.hasPrefix("reading") && $0.value.length > 0 }
        #expect(Set(parts.keys.map(\.kind)).isSuperset(of: ["rss-item", "jsonld", "csv", "indeed"]))
        try damage(parts.values, in: site)
        try edit(site, .title)
        let checked = try Publisher(config: try site.config(), now: TemporarySite.now).check()
        #expect(cacheWarnings(checked).isEmpty)
        #expect(checked.bodiesRendered == 1)
        #expect(checked.files.written.contains { $0.hasSuffix("exports/postings.csv") })
        let built = try site.build()
        #expect(Set(checked.files.written) == Set(built.files.written))
        #expect(Set(checked.files.unchanged) == Set(built.files.unchanged.filter { !$0.hasSuffix(".gz") }))
    }

    @Test func anotherConfigDoesNotUseTheCache() throws {
        let site = try TemporarySite(postings: IncrementalBuildTests.postings)
        defer { site.remove() }
        _ = try site.build()
        try site.write("jobfeed.yml", TemporarySite.standardConfig.replacingOccurrences(of: "Jobs at Example.", with: "All jobs at Example."))
        let report = try site.build()
        #expect(cacheWarnings(report).isEmpty)
        #expect(site.read("feeds/en/rss.xml")?.contains("All jobs at Example.") == true)
        #expect(OutputTree.published(below: site.root) == (try freshOutputs(of: site)))
    }
}

extension BuildCacheArchiveTests {
    /// Every cut-short or bit-flipped index and reading is refused without a crash: the
    /// readers are bounds-checked, whatever a damaged disk hands them.
    @Test func truncatedOrFlippedCacheBytesAreRefused() throws {
        let site = try TemporarySite(postings: IncrementalBuildTests.postings)
        defer { site.remove() }
        _ = try site.build()
        let index = try Data(contentsOf: cacheFile(site, "index"))
        let key = CacheArchive.key(for: try site.config())
        let scratch = site.root.appendingPathComponent("index-copy").path
        #expect(!CacheIndex.load(from: cacheFile(site, "index").path, key: key).damaged)
        for length in stride(from: 0, to: index.count, by: max(1, index.count / 200)) {
            try index.prefix(length).write(to: URL(fileURLWithPath: scratch))
            let loaded = CacheIndex.load(from: scratch, key: key)
            #expect(loaded.index.entries.isEmpty && (length == 0 || loaded.damaged))
        }
        let outcome = PostingReader.Outcome(posting: nil, diagnostics: [Diagnostic(.warning, file: "a.md", line: 2, "w")], stamp: nil)
        let bytes = outcome.bytes()
        for length in 0..<bytes.count { #expect(throws: ByteReader.Malformed.self) { try PostingReader.Outcome.read(from: bytes.prefix(length), body: BodyText("")) } }
        for offset in 0..<bytes.count {
            var flipped = bytes
            flipped[offset] ^= 0xFF
            _ = try? PostingReader.Outcome.read(from: flipped, body: BodyText(""))  // must not crash; may or may not decode
        }
    }
}

extension BuildCacheArchiveTests {
    /// A posting comes back from the cache's bytes equal, field for field (the sample's
    /// postings: dates, places, salaries, remote work, translations, drafts).
    @Test func postingsComeBackFromTheCacheEqual() throws {
        let config = try Config.load(from: Repository.root.appendingPathComponent("jobfeed.yml"))
        let postings = try Publisher(config: config, now: TemporarySite.now).check().catalog.entries.map(\.posting)
        #expect(postings.count >= 9)
        for posting in postings {
            let outcome = PostingReader.Outcome(posting: posting, diagnostics: [], stamp: posting.source.stamp)
            let readBack = try PostingReader.Outcome.read(from: outcome.bytes(), body: BodyText(deferred: { Array(posting.body.utf8) })).posting
            #expect(readBack == posting)
            #expect(readBack?.body == posting.body)
        }
    }

    /// A body read back from the cache stays bytes until it is read: equal to, and hashed as,
    /// the same text parsed from a file; bytes that are not UTF-8 read as repaired text.
    @Test func aBodyReadBackAsBytesEqualsTheSameText() {
        let text = "## Équipe\n\nDéveloppeur·e, 5 jours — 🚀\n"
        let bytes = BodyText(utf8: Array(text.utf8))
        #expect(bytes == BodyText(text) && bytes.hashValue == BodyText(text).hashValue && bytes.text == text)
        #expect(bytes != BodyText(text + " ") && BodyText(utf8: Array(text.utf8.dropLast())) != bytes)
        #expect(BodyText(utf8: [0x61, 0xFF, 0x62]).text == "a\u{FFFD}b")
    }
}
