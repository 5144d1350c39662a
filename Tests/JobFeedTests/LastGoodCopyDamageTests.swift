import Foundation
import Testing
import JobFeed
import JobFeedCore
import JobFeedPublishing
import JobFeedSystem

/// A last-good copy whose bytes changed in the pack (a bit flipped on disk, a tool that wrote
/// into the state folder) never stands in for its posting: published, it would put a salary or
/// a date nobody wrote in a live job. Each copy is checked against the digest taken when it
/// was made.
@Suite struct LastGoodCopyDamageTests {
    static func posting(salary: String) -> String {
        TemporarySite.posting("title: Designer\ndate: 2026-01-05", body: "Pays \(salary) a year.")
    }

    static let broken = TemporarySite.posting("title: Designer\ndate: 2026-13-45")
    static let damagedCopy = "the last good copy of this posting is damaged"

    /// Replaces `text` by `replacement` (as long) wherever it lies in the site's packs.
    static func damagePacks(of site: TemporarySite, _ text: String, with replacement: String) throws {
        let folder = site.root.appendingPathComponent(".jobfeed/last-good")
        var found = false
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasPrefix("pack-") {
            let pack = folder.appendingPathComponent(name)
            let bytes = try Data(contentsOf: pack)
            let damaged = Data(String(decoding: bytes, as: UTF8.self).replacing(text, with: replacement).utf8)
            found = found || damaged != bytes
            try damaged.write(to: pack)
        }
        #expect(found, "no copy holds \(text)")
    }

    /// The index as versions before digests wrote it: each copy's size, modification time,
    /// inode and offset, no digest.
    static func formatOne(_ index: LastGoodIndex) -> Data {
        let entries = index.entries.sorted { $0.key < $1.key }.map { path, entry in
            (path.text, [UInt64(entry.stamp.size), UInt64(entry.stamp.modifiedSeconds), UInt64(entry.stamp.modifiedNanoseconds),
                         entry.stamp.inode, entry.offset])
        }
        return LastGoodPackTests.indexFile("jobfeed-last-good 1\n", entries, generation: index.generation)
    }

    @Test func aDamagedCopyIsNotPublished() throws {
        let site = try TemporarySite(postings: ["en/designer.md": Self.posting(salary: "128078")])
        defer { site.remove() }
        _ = try site.build()
        try Self.damagePacks(of: site, "128078", with: "928078")
        try site.write("postings/en/designer.md", Self.broken)
        let report = try site.build()
        #expect(report.hasErrors)
        #expect(report.count(.active, in: "en") == 0)
        #expect(site.read("feeds/en/rss.xml")?.contains("928078") == false)
        #expect(report.diagnostics.contains { $0.message.hasPrefix(Self.damagedCopy) })
    }

    /// A copy damaged while its posting reads cleanly is found by the build that checks its
    /// share of the copies, and the posting copied again: when it later breaks, its last good
    /// version stands in for it. Without that check it would be left out (above).
    @Test func aDamagedCopyOfAHealthyPostingIsCopiedAgain() throws {
        let site = try TemporarySite(postings: ["en/designer.md": Self.posting(salary: "128078")])
        defer { site.remove() }
        let config = try site.config()
        let share = LastGoodStore.share(of: ExactPath("en/designer.md"))
        // The first minute after TemporarySite.now whose build checks that share, and one
        // whose build does not.
        let minutes = (0..<Int64(LastGoodStore.shares)).map { Timestamp(seconds: TemporarySite.now.seconds + 60 * $0) }
        let checking = try #require(minutes.first { LastGoodStore.share(at: $0) == share })
        let other = try #require(minutes.first { LastGoodStore.share(at: $0) != share })
        _ = try Publisher(config: config, now: other).build()
        try Self.damagePacks(of: site, "128078", with: "928078")
        #expect(try Publisher(config: config, now: other).build().diagnostics.isEmpty)
        let checked = try Publisher(config: config, now: checking).build()
        #expect(checked.diagnostics.contains { $0.message.hasPrefix("the last-good copy of this posting no longer matches") && $0.location.file.hasSuffix("designer.md") })
        try site.write("postings/en/designer.md", Self.broken)
        let report = try Publisher(config: config, now: other).build()
        #expect(report.count(.active, in: "en") == 1)
        let feed = try #require(site.read("feeds/en/rss.xml"))
        #expect(feed.contains("128078") && !feed.contains("928078"))
    }

    /// Builds run by cron every few minutes, hourly, daily or weekly go through every share of
    /// the copies, whatever minute they start at.
    @Test(arguments: [1, 5, 10, 15, 30, 60, 1_440, 10_080])
    func buildsAtAnyUsualPeriodCheckEveryShare(minutes: Int64) {
        let start = TemporarySite.now.seconds + 7 * 60
        let checked = Set((0..<Int64(LastGoodStore.shares)).map { LastGoodStore.share(at: Timestamp(seconds: start + $0 * minutes * 60)) })
        #expect(checked.count == LastGoodStore.shares)
    }

    /// Compaction moves the copies to a new pack: a damaged one is not carried over under a
    /// digest of its damaged bytes, and as its posting still reads cleanly it is copied again.
    @Test func compactionDropsADamagedCopyAndCopiesItsPostingAgain() throws {
        let site = try TemporarySite(postings: ["en/designer.md": Self.posting(salary: "128078"),
                                                "en/other.md": LastGoodPackTests.version(0)])
        defer { site.remove() }
        _ = try site.build()
        try Self.damagePacks(of: site, "128078", with: "928078")
        // Dead copies of the other posting: the third of these builds compacts the pack, and
        // must copy the designer again itself (the next build finds it broken).
        for number in 1...3 {
            try site.write("postings/en/other.md", LastGoodPackTests.version(number))
            _ = try site.build()
        }
        try site.write("postings/en/designer.md", Self.broken)
        let report = try site.build()
        #expect(report.count(.active, in: "en") == 2)
        let feed = try #require(site.read("feeds/en/rss.xml"))
        #expect(feed.contains("128078") && !feed.contains("928078"))
    }

    /// Copies an earlier version recorded without digests are taken as they are once, when the
    /// index is first read, and kept with their digests from then on.
    @Test func copiesRecordedWithoutDigestsAreKept() throws {
        let site = try TemporarySite(postings: ["en/designer.md": Self.posting(salary: "128078")])
        defer { site.remove() }
        _ = try site.build()
        let indexFile = site.path(".jobfeed/last-good/index")
        let current = LastGoodIndex.load(from: indexFile).index
        try Self.formatOne(current).write(to: URL(fileURLWithPath: indexFile))
        _ = try site.build()
        #expect(try Data(contentsOf: URL(fileURLWithPath: indexFile)) == current.encoded())
        try site.write("postings/en/designer.md", Self.broken)
        #expect(try site.build().count(.active, in: "en") == 1)
        try Self.damagePacks(of: site, "128078", with: "928078")
        try site.write("postings/en/designer.md", Self.broken + "\nStill broken.")
        #expect(try site.build().count(.active, in: "en") == 0)
    }
}
