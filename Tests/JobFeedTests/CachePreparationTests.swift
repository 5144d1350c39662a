import Foundation
import Testing
import JobFeed
import JobFeedCore
import JobFeedPublishing

/// The build cache's index is made ready on another core while the outputs publish
/// (`CacheArchive.prepareCommit`), and kept or forgotten by what the publication decides: a
/// publication that fails leaves the cache as the last build kept it, and the same cache's next
/// build (a watcher's) works from that. (Damage found while the outputs are written: see
/// `BuildCacheArchiveTests.aPartLeftInTheCacheReadsBackAndIsDroppedOnceDamaged`.)
@Suite struct CachePreparationTests {
    typealias Edit = IncrementalBuildTests.Edit
    /// Its helpers: the cache's files, a fresh build's outputs.
    let archive = BuildCacheArchiveTests()

    @Test func aPublicationThatFailsLeavesTheCacheAndItsNextBuildWorksFromIt() throws {
        let site = try TemporarySite(postings: IncrementalBuildTests.postings)
        defer { site.remove() }
        _ = try site.build()
        let kept = try archive.cacheBytes(site)
        let published = OutputTree.published(below: site.root)
        // The publication fails once the outputs are rendered, the index's preparation under
        // way: a folder stands where the English feed is to be replaced.
        let feed = site.root.appendingPathComponent("feeds/en/rss.xml")
        let feedBytes = try Data(contentsOf: feed)
        try FileManager.default.removeItem(at: feed)
        try site.write("feeds/en/rss.xml/blocker", "")
        _ = try Edit.body.apply(to: site)
        let watcher = Publisher(config: try site.config(), now: TemporarySite.now, cache: BuildCache(persistingIn: try site.config()))
        let failure = try #require(throws: DiagnosticError.self) { try watcher.build() }
        #expect(failure.description.contains("cannot publish"), "\(failure)")
        #expect(try archive.cacheBytes(site) == kept)
        try FileManager.default.removeItem(at: feed)
        try feedBytes.write(to: feed)
        #expect(OutputTree.published(below: site.root) == published)
        let rebuild = try watcher.build()
        #expect(rebuild.published)
        #expect(rebuild.bodiesRendered == 1)
        #expect(!rebuild.diagnostics.contains { $0.message.contains("cache") })
        // What that build kept serves a cron build after another edit, which renders just it.
        _ = try Edit.title.apply(to: site)
        let cron = try site.build()
        #expect(cron.bodiesRendered == 1)
        #expect(!cron.diagnostics.contains { $0.message.contains("cache") })
        #expect(OutputTree.published(below: site.root) == (try archive.freshOutputs(of: site)))
    }

    /// The index written whole from the entries prepared before the outputs published is the
    /// index as it reads back, encoded again.
    @Test func anIndexWrittenWholeIsItsOwnEncoding() throws {
        let site = try TemporarySite(postings: IncrementalBuildTests.postings)
        defer { site.remove() }
        _ = try site.build()
        let written = try Data(contentsOf: archive.cacheFile(site, CacheIndex.fileName))
        var (index, damaged) = CacheIndex.load(from: archive.cacheFile(site, CacheIndex.fileName).path, key: CacheArchive.key(for: try site.config()))
        #expect(!damaged)
        #expect(index.entries.count == IncrementalBuildTests.postings.count)
        #expect(!index.outputs.isEmpty)
        #expect(index.encode(key: CacheArchive.key(for: try site.config())) == written)
    }
}
