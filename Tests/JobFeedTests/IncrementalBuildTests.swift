import Foundation
import Synchronization
import Testing
import JobFeed
import JobFeedCore
import JobFeedPublishing
import JobFeedSystem

/// A watcher's rebuild replays cached feed items, JSON-LD documents and CSV rows: its outputs
/// must be byte for byte those of a build from nothing.
@Suite struct IncrementalBuildTests {
    static let postings = [
        "en/designer.md": TemporarySite.posting("title: Designer\ndate: 2026-01-05\ntranslationKey: designer", body: "# Role\n\n- one\n- two\n\n<mailto:jobs@example.org>"),
        "fr/designer.md": TemporarySite.posting("title: Designer (fr)\ndate: 2026-01-06\ntranslationKey: designer", body: "Poste **à** combler."),
        "en/writer.md": TemporarySite.posting("title: Writer\ndate: 2026-02-01\nvalidThrough: 2026-12-31\ntranslationKey: writer"),
        "en/tester.md": TemporarySite.posting("title: Tester & <QA>\ndate: 2026-03-01"),
    ]

    enum Edit: String, CaseIterable {
        case body, title, translationAdded, postingRemoved, documentTampered

        /// Makes the edit; returns the posting file it changed, as a site-relative path.
        func apply(to site: TemporarySite) throws -> String {
            switch self {
            case .body:
                try site.write("postings/en/designer.md", TemporarySite.posting("title: Designer\ndate: 2026-01-05\ntranslationKey: designer", body: "Changed."))
                return "postings/en/designer.md"
            case .title:
                try site.write("postings/en/tester.md", TemporarySite.posting("title: Tester ]]> renamed\ndate: 2026-03-01"))
                return "postings/en/tester.md"
            case .translationAdded:
                try site.write("postings/fr/writer.md", TemporarySite.posting("title: Rédacteur\ndate: 2026-02-02\ntranslationKey: writer"))
                return "postings/fr/writer.md"
            case .postingRemoved:
                try FileManager.default.removeItem(at: site.root.appendingPathComponent("postings/fr/designer.md"))
                return "postings/fr/designer.md"
            case .documentTampered:
                // A per-posting document the last build wrote, changed since; another posting's
                // edit brings the rebuild, which must find the document no longer as written.
                try site.write("exports/jsonld/en/designer.jsonld", "tampered")
                try site.write("postings/en/tester.md", TemporarySite.posting("title: Tester, edited\ndate: 2026-03-01"))
                return "postings/en/tester.md"
            }
        }
    }

    @Test(arguments: Edit.allCases)
    func aCachedRebuildEqualsAFreshBuild(_ edit: Edit) throws {
        let site = try TemporarySite(postings: Self.postings)
        defer { site.remove() }
        let cache = BuildCache()
        let config = try site.config()
        _ = try Publisher(config: config, now: TemporarySite.now, cache: cache).build()
        let changed = try edit.apply(to: site)
        // As a watcher rebuilds: told which file was written (an edit keeps the last listing).
        var rebuild = Publisher(config: config, now: TemporarySite.now, cache: cache)
        rebuild.changedFiles = [site.path(changed)]
        _ = try rebuild.build()
        let incremental = OutputTree.files(below: site.root)

        let fresh = try TemporarySite(postings: [:])
        defer { fresh.remove() }
        try FileManager.default.removeItem(at: fresh.root.appendingPathComponent("postings"))
        try FileManager.default.copyItem(at: site.root.appendingPathComponent("postings"), to: fresh.root.appendingPathComponent("postings"))
        _ = try fresh.build()
        let expected = OutputTree.published(below: fresh.root)
        #expect(incremental.filter { $0.key.hasPrefix("feeds/") || $0.key.hasPrefix("exports/") } == expected)
        #expect(expected.keys.contains("feeds/en/atom.xml"))
    }
}

extension IncrementalBuildTests {
    @Test func anEditLeavesTheOtherLanguagesFeedsUnrenderedAndUntouched() throws {
        let site = try TemporarySite(postings: Self.postings)
        defer { site.remove() }
        let cache = BuildCache()
        let config = try site.config()
        _ = try Publisher(config: config, now: TemporarySite.now, cache: cache).build()
        let before = OutputTree.modificationDates(below: site.root.appendingPathComponent("feeds"))
        try site.write("postings/en/tester.md", TemporarySite.posting("title: Tester, edited\ndate: 2026-03-01"))
        let report = try Publisher(config: config, now: TemporarySite.now, cache: cache).build()
        let after = OutputTree.modificationDates(below: site.root.appendingPathComponent("feeds"))
        #expect(report.files.unchanged.contains { $0.hasSuffix("feeds/fr/rss.xml") })
        #expect(after["fr/rss.xml"] == before["fr/rss.xml"] && after["fr/atom.xml"] == before["fr/atom.xml"])
        #expect(after["en/rss.xml"] != before["en/rss.xml"])
        #expect(site.read("feeds/en/rss.xml")?.contains("Tester, edited") == true)
    }

    /// A rebuild after a posting file is removed forgets its reading: a late event for the
    /// file then changes nothing (`holdsWhatWasRead`), and a watcher does not keep what is gone.
    @Test func aRemovedPostingsReadingIsForgotten() throws {
        let site = try TemporarySite(postings: Self.postings)
        defer { site.remove() }
        let cache = BuildCache()
        let config = try site.config()
        let removed = site.path("postings/fr/designer.md")
        _ = try Publisher(config: config, now: TemporarySite.now, cache: cache).build()
        #expect(cache.holdsWhatWasRead(removed))
        try FileManager.default.removeItem(atPath: removed)
        #expect(!cache.holdsWhatWasRead(removed))
        _ = try Publisher(config: config, now: TemporarySite.now, cache: cache).build()
        #expect(cache.holdsWhatWasRead(removed))
    }

    /// A file rewritten in place with bytes of the same length, its times set back (as two
    /// writes within one tick of the kernel's clock leave it): its stamp is the one read, its
    /// bytes are not, and a watcher must read it again.
    @Test func aFileRewrittenUnderTheSameStampIsNotTakenForWhatWasRead() throws {
        let site = try TemporarySite(postings: Self.postings)
        defer { site.remove() }
        let cache = BuildCache()
        _ = try Publisher(config: try site.config(), now: TemporarySite.now, cache: cache).build()
        let stamp = try site.rewriteKeepingItsStamp("postings/en/writer.md", replacing: "Writer", with: "Waiter")
        #expect(stamp != nil && FileStamp(path: site.path("postings/en/writer.md")) == stamp)
        #expect(!cache.holdsWhatWasRead(site.path("postings/en/writer.md")))
    }
}

@Suite struct LastGoodPackTests {
    static func version(_ number: Int) -> String {
        TemporarySite.posting("title: Designer \(number)\ndate: 2026-01-05", body: String(repeating: "Text \(number). ", count: 200))
    }

    @Test func manyEditsCompactThePackAndTheLastGoodVersionSurvives() throws {
        let site = try TemporarySite(postings: ["en/designer.md": Self.version(0), "en/other.md": Self.version(100)])
        defer { site.remove() }
        let folder = site.root.appendingPathComponent(".jobfeed/last-good")
        for number in 1...6 {
            try site.write("postings/en/designer.md", Self.version(number))
            _ = try site.build()
        }
        let packs = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("pack-") }
        #expect(packs.count == 1)
        let packSize = try #require(FileStamp(path: folder.appendingPathComponent(packs[0]).path)).size
        let live = Self.version(6).utf8.count + Self.version(100).utf8.count
        #expect(packSize <= Int64(2 * live))

        try site.write("postings/en/designer.md", TemporarySite.posting("title: Designer\ndate: 2026-13-05"))
        let report = try site.build()
        #expect(report.hasErrors)
        #expect(site.read("feeds/en/rss.xml")?.contains("Designer 6") == true)
        #expect(site.read("feeds/en/rss.xml")?.contains("Designer 100") == true)
    }

    /// A long-running process takes the last-good index it saved again only while the file is
    /// still the one it wrote: when another build replaced it meanwhile (one copy more), a
    /// broken edit falls back to the copy that build kept, not to the one before it.
    @Test func aProcessRereadsTheLastGoodIndexAnotherBuildReplaced() throws {
        let site = try TemporarySite(postings: ["en/designer.md": Self.version(1), "en/other.md": Self.version(100)])
        defer { site.remove() }
        let config = try site.config()
        let cache = BuildCache(persistingIn: config)
        _ = try Publisher(config: config, now: TemporarySite.now, cache: cache).build()
        try site.write("postings/en/designer.md", Self.version(2))
        _ = try site.build()
        try site.write("postings/en/designer.md", TemporarySite.posting("title: Designer\ndate: 2026-13-05"))
        let report = try Publisher(config: config, now: TemporarySite.now, cache: cache).build()
        #expect(report.hasErrors)
        let feed = try #require(site.read("feeds/en/rss.xml"))
        #expect(feed.contains("Designer 2"))
        #expect(!feed.contains("Designer 1<"))
    }

    /// The index is written in path order however it came to hold its paths: read back from
    /// its file (whose order it keeps) and then changed, it encodes as one made afresh.
    @Test func theIndexIsWrittenInPathOrderHoweverItWasMade() throws {
        func entry(_ number: Int) -> LastGoodIndex.Entry {
            LastGoodIndex.Entry(stamp: FileStamp(size: Int64(number), modifiedSeconds: number, modifiedNanoseconds: 0, inode: UInt64(number)), offset: UInt64(number * 10), digest: UInt64(number * 7))
        }
        func index(_ entries: [(String, Int)]) -> LastGoodIndex {
            var index = LastGoodIndex(generation: 3)
            for (path, number) in entries { index.set(entry(number), for: ExactPath(path)) }
            return index
        }
        let file = ScratchPath.unused("last-good-index")
        defer { try? FileManager.default.removeItem(at: file) }
        try index([("en/b.md", 1), ("fr/é.md", 2), ("en/a.md", 3), ("fr/e\u{301}.md", 4)]).encoded().write(to: file)
        var read = LastGoodIndex.load(from: file.path).index
        #expect(read.encoded() == index([("fr/e\u{301}.md", 4), ("en/a.md", 3), ("fr/é.md", 2), ("en/b.md", 1)]).encoded())
        read.set(entry(5), for: ExactPath("en/a.md"))
        #expect(read.encoded() == index([("en/a.md", 5), ("en/b.md", 1), ("fr/é.md", 2), ("fr/e\u{301}.md", 4)]).encoded())
        read.keepOnly([ExactPath("en/a.md"), ExactPath("fr/é.md")])
        #expect(read.encoded() == index([("fr/é.md", 2), ("en/a.md", 5)]).encoded())
        // Every entry's path present, and one more: nothing goes; one of them gone: it goes.
        read.keepOnly([ExactPath("en/z.md"), ExactPath("fr/é.md"), ExactPath("en/a.md")])
        #expect(read.encoded() == index([("fr/é.md", 2), ("en/a.md", 5)]).encoded())
        read.keepOnly([ExactPath("en/z.md"), ExactPath("fr/é.md")])
        #expect(read.encoded() == index([("fr/é.md", 2)]).encoded())
        read = LastGoodIndex.load(from: file.path).index
        read.set(entry(6), for: ExactPath("en/0.md"))
        #expect(read.encoded() == index([("fr/é.md", 2), ("en/a.md", 3), ("en/0.md", 6), ("fr/e\u{301}.md", 4), ("en/b.md", 1)]).encoded())
    }

    /// An index file: the magic line, the generation, then each copy's path (length-prefixed)
    /// and its words, little-endian.
    static func indexFile(_ magic: String, _ entries: [(String, [UInt64])], generation: Int = 7) -> Data {
        var bytes = Array(magic.utf8)
        func word(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { bytes += $0 } }
        word(UInt64(generation))
        for (path, words) in entries {
            word(UInt64(path.utf8.count))
            bytes += Array(path.utf8)
            words.forEach(word)
        }
        return Data(bytes)
    }

    /// Each copy's words: its size, modification time (seconds, nanoseconds), inode, offset and
    /// digest.
    @Test func theIndexKeepsItsFileFormat() throws {
        let bytes = Self.indexFile("jobfeed-last-good 2\n", [("en/a.md", [120, 1_780_000_000, 250, 42, 0, 0xABCD]),
                                                             ("fr/\u{E9}.md", [80, 1_780_000_000, 250, 42, 120, 0x1234])])
        let file = ScratchPath.unused("last-good-index")
        defer { try? FileManager.default.removeItem(at: file) }
        try bytes.write(to: file)
        let loaded = LastGoodIndex.load(from: file.path)
        #expect(!loaded.refused && !loaded.formatOne && loaded.index.generation == 7)
        #expect(loaded.index.entries[ExactPath("fr/\u{E9}.md")] == LastGoodIndex.Entry(stamp: FileStamp(size: 80, modifiedSeconds: 1_780_000_000, modifiedNanoseconds: 250, inode: 42), offset: 120, digest: 0x1234))
        #expect(loaded.index.encoded() == bytes)
    }

    /// Format 1, written before copies had digests, has five words to a copy: each copy is
    /// digested as it lies in the pack, and one that cannot be read is dropped.
    @Test func anIndexOfFormatOneTakesItsCopiesDigests() throws {
        let bytes = Self.indexFile("jobfeed-last-good 1\n", [("en/a.md", [120, 1_780_000_000, 250, 42, 0]),
                                                             ("fr/\u{E9}.md", [80, 1_780_000_000, 250, 42, 120])])
        let file = ScratchPath.unused("last-good-index")
        defer { try? FileManager.default.removeItem(at: file) }
        try bytes.write(to: file)
        let loaded = LastGoodIndex.load(from: file.path) { generation, entry in
            generation == 7 && entry.offset == 120 && entry.stamp.size == 80 ? 0x1234 : nil
        }
        #expect(!loaded.refused && loaded.formatOne && loaded.index.generation == 7)
        #expect(loaded.index.entries == [ExactPath("fr/\u{E9}.md"): LastGoodIndex.Entry(stamp: FileStamp(size: 80, modifiedSeconds: 1_780_000_000, modifiedNanoseconds: 250, inode: 42), offset: 120, digest: 0x1234)])
    }

    static let damages = ["cut short", "a generation past Int.max", "a copy of negative size"]
    static let refusal = "the index of the last good copies is damaged"

    /// A site of one posting, built once, and its last-good index then damaged.
    static func siteWithDamagedIndex(_ damage: String) throws -> TemporarySite {
        let site = try TemporarySite(postings: ["en/designer.md": Self.version(1)])
        _ = try site.build()
        let index = site.root.appendingPathComponent(".jobfeed/last-good/index")
        var bytes = try Data(contentsOf: index)
        switch damage {
        case "cut short": bytes = Data("jobfeed-last-good 2\n\u{1}\u{2}".utf8)
        case "a generation past Int.max": bytes.replaceSubrange(20..<28, with: [UInt8](repeating: 0xFF, count: 8))
        default: bytes.replaceSubrange(bytes.count - 48..<bytes.count - 40, with: [UInt8](repeating: 0xFF, count: 8))
        }
        try bytes.write(to: index)
        return site
    }

    /// A damaged index is set aside, said once, and the build goes on without the copies it
    /// located: a generation past `Int.max` trapped in every build until the state folder was
    /// deleted.
    @Test(arguments: damages)
    func aDamagedIndexOnlyForgetsTheFallbacks(_ damage: String) throws {
        let site = try Self.siteWithDamagedIndex(damage)
        defer { site.remove() }
        try site.write("postings/en/designer.md", TemporarySite.posting("title: Designer\ndate: 2026-13-45"))
        let report = try site.build()
        #expect(report.hasErrors)
        #expect(report.diagnostics.contains { $0.message.hasPrefix(Self.refusal) })
        #expect(report.count(.active, in: "en") == 0)
        try site.write("postings/en/designer.md", Self.version(2))
        let clean = try site.build()
        #expect(clean.count(.active, in: "en") == 1)
        #expect(!clean.diagnostics.contains { $0.message.hasPrefix(Self.refusal) })
    }

    /// Deleted (the folder of copies removed by hand, or by a cleaner), the copies are made
    /// again by the next build, though nothing else changed: before, that build was a no-op,
    /// and the first posting to break after it was left out.
    @Test func deletedCopiesAreMadeAgainBeforeTheyAreNeeded() throws {
        let site = try TemporarySite(postings: ["en/designer.md": Self.version(1)])
        defer { site.remove() }
        _ = try site.build()
        try FileManager.default.removeItem(at: site.root.appendingPathComponent(".jobfeed/last-good"))
        _ = try site.build()
        #expect(FileManager.default.fileExists(atPath: site.path(".jobfeed/last-good/index")))
        try site.write("postings/en/designer.md", TemporarySite.posting("title: Designer\ndate: 2026-13-45"))
        let broken = try site.build()
        #expect(broken.hasErrors)
        #expect(broken.count(.active, in: "en") == 1)
    }

    /// Found damaged by a build with nothing else to do, the index is made again then: no
    /// posting is without its fallback when it next breaks, and the build after it, a no-op,
    /// does not say so again.
    @Test(arguments: damages)
    func aDamagedIndexIsMadeAgainBeforeItIsNeeded(_ damage: String) throws {
        let site = try Self.siteWithDamagedIndex(damage)
        defer { site.remove() }
        let repairing = try site.build()
        #expect(repairing.diagnostics.contains { $0.message.hasPrefix(Self.refusal) })
        #expect(!LastGoodIndex.load(from: site.path(".jobfeed/last-good/index")).refused)
        #expect(!(try site.build()).diagnostics.contains { $0.message.hasPrefix(Self.refusal) })
        try site.write("postings/en/designer.md", TemporarySite.posting("title: Designer\ndate: 2026-13-45"))
        let broken = try site.build()
        #expect(broken.hasErrors)
        #expect(broken.count(.active, in: "en") == 1)
        #expect(site.read("feeds/en/rss.xml")?.contains("Designer 1") == true)
    }
}

/// Large outputs are staged in temporary files as they render; a build that does not publish
/// must leave none behind, and the last good outputs as they were.
@Suite struct StagedOutputTests {
    static func temporaryFiles(below root: URL) -> [String] {
        FolderWalk.files(below: root.path).filter { ($0 as NSString).lastPathComponent.hasPrefix(StagedFile.temporaryPrefix) }
    }

    @Test func aBuildHeldBackByStrictLeavesNoTemporaryFiles() throws {
        let site = try TemporarySite(postings: IncrementalBuildTests.postings)
        defer { site.remove() }
        _ = try site.build()
        let before = OutputTree.files(below: site.root)
        try site.write("postings/en/writer.md", TemporarySite.posting("title: Writer\ndate: 2026-02-30"))
        let report = try Publisher(config: try site.config(), now: TemporarySite.now).build(strict: true)
        #expect(!report.published)
        #expect(Self.temporaryFiles(below: site.root).isEmpty)
        #expect(OutputTree.published(below: site.root) == before.filter { $0.key.hasPrefix("feeds/") || $0.key.hasPrefix("exports/") })
    }

    @Test func aStoppedBuildLeavesNoTemporaryFiles() throws {
        let site = try TemporarySite(postings: IncrementalBuildTests.postings)
        defer { site.remove() }
        let root = site.root
        let staged = Mutex(false)
        // Stops as soon as a renderer has staged an output.
        let stop: @Sendable () -> Bool = {
            staged.withLock { seen in
                seen = seen || !Self.temporaryFiles(below: root).isEmpty
                return seen
            }
        }
        let report = try Publisher(config: try site.config(), now: TemporarySite.now, shouldStop: stop).build()
        #expect(!report.published)
        #expect(Self.temporaryFiles(below: site.root).isEmpty)
        #expect(site.read("feeds/en/rss.xml") == nil)
    }
}

extension StagedOutputTests {
    @Test func aKilledBuildsTemporaryFileIsRemovedByTheNextBuild() throws {
        let site = try TemporarySite(postings: IncrementalBuildTests.postings)
        defer { site.remove() }
        try site.write("feeds/en/.jobfeed-tmp-99999-1", "half a feed")
        _ = try site.build()
        #expect(Self.temporaryFiles(below: site.root).isEmpty)
    }
}
