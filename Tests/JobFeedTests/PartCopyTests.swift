import Foundation
import Testing
import JobFeed
import JobFeedCore
import JobFeedSystem

/// A cron build copies each unchanged posting's part from the output's published file (where
/// the last build's layout says it lies) instead of reading it back from the build cache and
/// writing it again: its outputs are still byte for byte a fresh build's, and a published
/// file that anything touched since, or a damaged layout, is never copied from.
@Suite struct PartCopyTests {
    typealias Edit = IncrementalBuildTests.Edit
    let archiveTests = BuildCacheArchiveTests()

    func layouts(_ site: TemporarySite) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: site.root.appendingPathComponent(".jobfeed/cache/layouts"), includingPropertiesForKeys: nil)
    }

    @Test(arguments: Edit.allCases)
    func aCronBuildCopiesTheUnchangedPartsAndEqualsAFreshBuild(_ change: Edit) throws {
        let site = try TemporarySite(postings: IncrementalBuildTests.postings)
        defer { site.remove() }
        #expect(try site.build().partsCopied == 0)
        try archiveTests.edit(site, change)
        let report = try site.build()
        #expect(report.partsCopied > 0)
        #expect(OutputTree.published(below: site.root) == (try archiveTests.freshOutputs(of: site)))
        // The replaced files' old versions are gone when the build returns.
        #expect(FolderWalk.files(below: StateFolder(try site.config()).rollback.path).isEmpty)
        // The layouts this build left (parts copied, and rendered) serve the next one too.
        try site.write("postings/en/tester.md", TemporarySite.posting("title: Tester, once more\ndate: 2026-03-01"))
        #expect(try site.build().partsCopied > 0)
        #expect(OutputTree.published(below: site.root) == (try archiveTests.freshOutputs(of: site)))
    }

    /// Someone rewrites a published feed in place, keeping its size and times: its status-change
    /// time still moved, so the next build does not copy from it and the feed is right again.
    @Test func aPublishedFileChangedSinceIsNotCopiedFrom() throws {
        let site = try TemporarySite(postings: IncrementalBuildTests.postings)
        defer { site.remove() }
        _ = try site.build()
        #expect(site.read("feeds/en/rss.xml")?.contains("<title>Writer</title>") == true)
        let stamp = try site.rewriteKeepingItsStamp("feeds/en/rss.xml", replacing: "<title>Writer</title>", with: "<title>Wraith</title>")
        #expect(stamp != nil && FileStamp(path: site.root.appendingPathComponent("feeds/en/rss.xml").path) == stamp)
        #expect(site.read("feeds/en/rss.xml")?.contains("<title>Wraith</title>") == true)
        try archiveTests.edit(site, .title)
        _ = try site.build()
        #expect(site.read("feeds/en/rss.xml")?.contains("<title>Writer</title>") == true)
        #expect(OutputTree.published(below: site.root) == (try archiveTests.freshOutputs(of: site)))
    }

    @Test func aDamagedLayoutIsNotUsed() throws {
        let site = try TemporarySite(postings: IncrementalBuildTests.postings)
        defer { site.remove() }
        _ = try site.build()
        let files = try layouts(site)
        #expect(!files.isEmpty)
        for (number, url) in files.enumerated() {
            var bytes = try Data(contentsOf: url)
            // Cut short, or a byte flipped: in the spans, or in the trailing digest.
            if number % 2 == 0 { bytes = bytes.prefix(bytes.count / 2) } else { bytes[bytes.count - 1 - number % bytes.count] ^= 0x5A }
            try bytes.write(to: url)
        }
        try archiveTests.edit(site, .body)
        #expect(try site.build().partsCopied == 0)
        #expect(OutputTree.published(below: site.root) == (try archiveTests.freshOutputs(of: site)))
        try archiveTests.edit(site, .title)
        #expect(try site.build().partsCopied > 0)
    }

    /// Outputs deleted by hand (one feed, or every output) have nothing to copy from: the next
    /// build takes their parts from the build cache's pack, rendering no posting, to a fresh
    /// build's bytes, and the build after it copies again.
    @Test(arguments: [["feeds/en/rss.xml"], ["feeds", "exports"]])
    func deletedOutputsAreMadeAgainFromTheCache(_ deleted: [String]) throws {
        let site = try TemporarySite(postings: IncrementalBuildTests.postings)
        defer { site.remove() }
        _ = try site.build()
        for path in deleted { try FileManager.default.removeItem(at: site.root.appendingPathComponent(path)) }
        let report = try site.build()
        #expect(report.published && !report.hasErrors)
        #expect(report.bodiesRendered == 0)
        #expect(OutputTree.published(below: site.root) == (try archiveTests.freshOutputs(of: site)))
        try archiveTests.edit(site, .title)
        #expect(try site.build().partsCopied > 0)
    }

    /// Parts copied from an earlier file, with bytes written between them: those the earlier
    /// file held there too (the span's lead) are taken in the same copy, others written.
    @Test func copiesRunOnAcrossTheSameBytesBetweenParts() throws {
        let folder = try ScratchPath.folder("copy")
        defer { try? FileManager.default.removeItem(at: folder) }
        let earlier = folder.appendingPathComponent("earlier").path
        try Data("[first,\nsecond]".utf8).write(to: URL(fileURLWithPath: earlier))
        let source = try OpenFile(earlier, .readOnly, operation: "read")
        let separator = Data(",\n".utf8).withUnsafeBytes { ContentDigest.of($0) }
        let first = PartSpan(source: 1, digest: 1, offset: 1, length: 5)
        let second = PartSpan(source: 2, digest: 2, offset: 8, length: 6, lead: separator, leadLength: 2)
        let staged = try StagedFile(target: folder.appendingPathComponent("target").path, folder: folder.path)
        for (text, span) in [("(", first), (",\n", second), (";", second), ("", first), (",\n", first)] {
            Data(text.utf8).withUnsafeBytes { staged.write($0) }
            staged.copy(from: source, span)
        }
        Data(")".utf8).withUnsafeBytes { staged.write($0) }
        try staged.finish()
        #expect(staged.size == 34)
        #expect(String(decoding: try Data(contentsOf: URL(fileURLWithPath: staged.temporaryPath)), as: UTF8.self) == "(first,\nsecond;secondfirst,\nfirst)")
        staged.discard()
    }

    /// Deciding whether a staged output equals its published file reads only where they may
    /// differ: the stretches copied from that file at the same offsets are equal by construction,
    /// as long as the file keeps the identity it had when they were copied.
    @Test func stretchesCopiedFromTheTargetInPlaceAreNotComparedAgain() throws {
        let folder = try ScratchPath.folder("mirror")
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("target").path
        try Data("<a>first</a><b>second</b>".utf8).write(to: URL(fileURLWithPath: target))
        func staged(writing middle: String) throws -> StagedFile {
            let source = try OpenFile(target, .readOnly, operation: "read")
            let file = try StagedFile(target: target, folder: folder.path)
            file.copy(from: source, PartSpan(source: 1, digest: 1, offset: 0, length: 3))
            Data(middle.utf8).withUnsafeBytes { file.write($0) }
            file.copy(from: source, PartSpan(source: 2, digest: 2, offset: 8, length: 17))
            try file.finish()
            return file
        }
        let same = try staged(writing: "first")
        #expect(same.matchesTarget())
        // Bytes changed behind the writer's back in a copied stretch are not looked at again...
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: same.temporaryPath))
        try handle.seek(toOffset: 12)
        try handle.write(contentsOf: Data("<c>".utf8))
        try handle.close()
        #expect(same.matchesTarget())
        same.discard()
        // ...but the bytes written are, and so is everything once the target is touched.
        let other = try staged(writing: "fiRst")
        #expect(!other.matchesTarget())
        other.discard()
        let copied = try staged(writing: "first")
        try Data("<a>first</a><b>SECOND</b>".utf8).write(to: URL(fileURLWithPath: target))
        #expect(!copied.matchesTarget())
        copied.discard()
    }
}
