import Foundation
import Testing
import JobFeed
import JobFeedPublishing
import JobFeedRendering
import JobFeedSystem
import Synchronization

/// A posting read back from the build cache leaves its Markdown body there until the body is
/// rendered; a body that no longer reads back intact is parsed from its file again, and one
/// that cannot be had at all stops the build rather than publish the posting empty.
@Suite struct CachedBodyTests {
    let archiveTests = BuildCacheArchiveTests()

    /// Flips the first byte of every body the cache holds.
    func damageBodies(_ site: TemporarySite) throws -> Int {
        let (index, _) = CacheIndex.load(from: archiveTests.cacheFile(site, "index").path, key: CacheArchive.key(for: try site.config()))
        let bodies = index.allEntries.filter { $0.key.kind == "reading body" && $0.value.length > 0 }
        try archiveTests.damage(bodies.values, in: site)
        return bodies.count
    }

    @Test func aCachedReadingLeavesItsBodyInTheCacheUntilItIsNeeded() throws {
        let site = try TemporarySite(postings: IncrementalBuildTests.postings)
        defer { site.remove() }
        _ = try site.build()
        #expect(try damageBodies(site) == IncrementalBuildTests.postings.count)
        let path = site.root.appendingPathComponent("postings/en/designer.md").path
        let cache = BuildCache(readingFrom: try site.config())
        cache.beginBuild(room: 0)
        let rereads = Mutex(0)
        // Read back without its body: the damage is not seen yet.
        let stamp = try #require(FileStamp(path: path))
        let outcome = try #require(cache.read(path, stamp: stamp) {
            {
                rereads.withLock { $0 += 1 }
                return Array("Parsed again.".utf8)
            }
        })
        let posting = try #require(outcome.posting)
        #expect(posting.title == "Designer" && rereads.withLock { $0 } == 0)
        // Needed, the damaged bytes are refused and the file's are taken.
        #expect(posting.bodyText.loaded()?.text == "Parsed again.")
        #expect(rereads.withLock { $0 } == 1)
    }

    /// A translation added to `en/writer.md` renders it again from its cached reading: its
    /// damaged body is parsed from the file, and the outputs are a fresh build's.
    @Test func aDamagedCachedBodyIsParsedFromItsFileAgain() throws {
        let site = try TemporarySite(postings: IncrementalBuildTests.postings)
        defer { site.remove() }
        _ = try site.build()
        _ = try damageBodies(site)
        try archiveTests.edit(site, .translationAdded)
        let report = try site.build()
        #expect(report.published)
        #expect(report.bodiesRendered == 2)
        #expect(archiveTests.cacheWarnings(report).contains { $0.contains("build cache was damaged") })
        #expect(OutputTree.published(below: site.root) == (try archiveTests.freshOutputs(of: site)))
    }

    /// As a watcher does, one cache serves many builds: a body it left in the pack is read back
    /// after edits elsewhere compacted the pack into a new generation (other offsets, another
    /// file), when a translation added to `en/writer.md` renders it again.
    @Test func aBodyLeftInThePackIsReadBackAfterThePackIsCompacted() throws {
        let site = try TemporarySite(postings: IncrementalBuildTests.postings)
        defer { site.remove() }
        _ = try site.build()
        let config = try site.config()
        let cache = BuildCache(persistingIn: config)
        _ = try Publisher(config: config, now: TemporarySite.now, cache: cache).build()
        for number in 1...4 {
            let body = String(repeating: "Edit \(number) of a long body. ", count: 8_000)
            try site.write("postings/en/tester.md", TemporarySite.posting("title: Tester\ndate: 2026-03-01", body: body))
            _ = try Publisher(config: config, now: TemporarySite.now, cache: cache).build()
        }
        #expect(FileStamp(path: archiveTests.cacheFile(site, "pack-0").path) == nil)
        // Its stamp kept, the file's new text is not what the build reads: the pack's is.
        #expect(try site.rewriteKeepingItsStamp("postings/en/writer.md", replacing: "A job.", with: "B job.") != nil)
        try archiveTests.edit(site, .translationAdded)
        let report = try Publisher(config: config, now: TemporarySite.now, cache: cache).build()
        #expect(report.bodiesRendered == 2)
        #expect(archiveTests.cacheWarnings(report).isEmpty)
        let document = try #require(site.read("exports/jsonld/en/writer.jsonld"))
        #expect(document.contains("A job.") && !document.contains("B job."))
    }

    @Test func aBodyThatCannotBeHadStopsTheBuild() throws {
        let config = try Config.load(from: Repository.root.appendingPathComponent("jobfeed.yml"))
        var posting = try #require(try Publisher(config: config, now: TemporarySite.now).check().catalog.entries.first?.posting)
        posting.bodyText = BodyText(deferred: { nil })
        #expect { try BodyRenderer().render(posting) } throws: { error in
            (error as? RenderError).map { $0.stopsTheBuild && $0.message.contains("every output was left as it was") } ?? false
        }
    }
}
