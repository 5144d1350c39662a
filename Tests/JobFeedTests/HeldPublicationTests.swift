import Foundation
import Synchronization
import Testing
import JobFeed
import JobFeedPublishing

/// `Publisher.beforePublishing`: asked once the outputs are staged and before any is put in
/// place; a build it holds back publishes nothing and leaves nothing of its own behind.
@Suite struct HeldPublicationTests {
    static let edited = TemporarySite.posting("title: Writer, edited\ndate: 2026-02-01\nvalidThrough: 2026-12-31")

    /// With `gzip: true`, whose `.gz` twins are made only once every output is staged: one is
    /// in the staging folder when the build is asked.
    @Test func aBuildHeldBackHasStagedItsOutputsAndChangesNothing() throws {
        let site = try TemporarySite(config: TemporarySite.standardConfig + "\ngzip: true\n", postings: BuildBehaviourTests.postings)
        defer { site.remove() }
        _ = try site.build()
        let published = OutputTree.published(below: site.root)
        try site.write("postings/en/writer.md", Self.edited)
        let config = try site.config()
        let staging = StateFolder(config).staging
        let stagedTwins = Mutex(0)
        var publisher = Publisher(config: config, now: TemporarySite.now)
        publisher.beforePublishing = {
            let staged = OutputTree.files(below: staging).values
            stagedTwins.withLock { $0 = staged.count { $0.starts(with: [0x1F, 0x8B]) } }
            return false
        }
        let held = try publisher.build()
        #expect(held.withheld == .superseded)
        #expect(held.files.written.isEmpty)
        #expect(stagedTwins.withLock { $0 } > 0, "no .gz twin was staged when the build was asked")
        #expect(OutputTree.published(below: site.root) == published)
        // Its twins are removed with it (its other staged files go when the next build clears
        // the staging folder).
        #expect(!OutputTree.files(below: staging).values.contains { $0.starts(with: [0x1F, 0x8B]) })

        publisher.beforePublishing = { true }
        let next = try publisher.build()
        #expect(next.published)
        #expect(site.read("feeds/en/rss.xml")?.contains("Writer, edited") == true)
    }

    /// Asked once a build, and not at all by `check`, which publishes nothing.
    @Test func itIsAskedOnceABuildAndNeverByACheck() throws {
        let site = try TemporarySite(postings: BuildBehaviourTests.postings)
        defer { site.remove() }
        let asked = Mutex(0)
        var publisher = Publisher(config: try site.config(), now: TemporarySite.now)
        publisher.beforePublishing = {
            asked.withLock { $0 += 1 }
            return true
        }
        #expect(try publisher.build().published)
        #expect(asked.withLock { $0 } == 1)
        _ = try publisher.check()
        #expect(asked.withLock { $0 } == 1)
    }
}
