import Foundation
import Testing
import JobFeed
import JobFeedCore
import JobFeedPublishing

/// A build writes each output's next version over the version before the published one (its
/// spare, in the state folder) rather than into a new file, but never over one that a reader
/// still holds open, and never one that a new file would not be (its mode); the outputs are
/// a fresh build's either way.
@Suite struct SpareFileTests {
    static let feed = "feeds/en/rss.xml"

    /// Builds, then edits and builds twice (the last edit makes the feed shorter than its
    /// spare, which is cut to its size), handing `beforeLastBuild` the feed's spare before
    /// the last build; returns that spare's inode, which a link beside the site keeps from
    /// being freed and given to a new file.
    func threeBuilds(_ site: TemporarySite, beforeLastBuild: (String) throws -> Void = { _ in }) throws -> UInt64 {
        _ = try site.build()
        for (number, title) in ["Tester, edited", "T"].enumerated() {
            try site.write("postings/en/tester.md", TemporarySite.posting("title: \(title)\ndate: 2026-03-01"))
            if number == 1 {
                let feedSpare = try #require(spare(of: Self.feed, in: site))
                let inode = try #require(Self.inode(feedSpare))
                #expect(link(feedSpare, site.root.appendingPathComponent("spare-link").path) == 0)
                try beforeLastBuild(feedSpare)
                _ = try site.build()
                return inode
            }
            _ = try site.build()
        }
        return 0
    }

    /// The output's spare, when there is one.
    func spare(of output: String, in site: TemporarySite) -> String? {
        let target = site.root.appendingPathComponent(output).standardizedFileURL.path
        let spare = StagingFolders.spare(for: target, in: StateFolder(url: site.root.appendingPathComponent(StateFolder.defaultName)))
        return FileManager.default.fileExists(atPath: spare) ? spare : nil
    }

    static func inode(_ path: String) -> UInt64? {
        var info = stat()
        return stat(path, &info) == 0 ? UInt64(info.st_ino) : nil
    }

    @Test func theFeedIsWrittenOverItsSpare() throws {
        let site = try TemporarySite(postings: IncrementalBuildTests.postings)
        defer { site.remove() }
        let spare = try threeBuilds(site)
        #expect(Self.inode(site.root.appendingPathComponent(Self.feed).path) == spare)
        #expect(OutputTree.published(below: site.root) == (try BuildCacheArchiveTests().freshOutputs(of: site)))
    }

    /// A reader that opened the feed before the second build still reads, after the third,
    /// the bytes it opened: that version (the third build's spare) was not written over.
    @Test func aSpareAReaderHoldsOpenIsNotWrittenOver() throws {
        let site = try TemporarySite(postings: IncrementalBuildTests.postings)
        defer { site.remove() }
        _ = try site.build()
        let path = site.root.appendingPathComponent(Self.feed).path
        let reader = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        defer { try? reader.close() }
        let opened = try #require(site.read(Self.feed))
        try site.write("postings/en/tester.md", TemporarySite.posting("title: Tester, edited\ndate: 2026-03-01"))
        _ = try site.build()
        try site.write("postings/en/tester.md", TemporarySite.posting("title: Tester, edited again\ndate: 2026-03-01"))
        _ = try site.build()
        try reader.seek(toOffset: 0)
        #expect(String(decoding: try reader.readToEnd() ?? Data(), as: UTF8.self) == opened)
        #expect(site.read(Self.feed)?.contains("Tester, edited again") == true)
        #expect(OutputTree.published(below: site.root) == (try BuildCacheArchiveTests().freshOutputs(of: site)))
    }

    /// A spare whose mode a new file would not have is not used: the feed gets a new file, with
    /// a new file's mode.
    @Test func aSpareWithAnotherModeIsNotUsed() throws {
        let site = try TemporarySite(postings: IncrementalBuildTests.postings)
        defer { site.remove() }
        let spare = try threeBuilds(site) { spare in chmod(spare, 0o600) }
        let published = site.root.appendingPathComponent(Self.feed).path
        #expect(Self.inode(published) != spare)
        let mode = try #require(FileManager.default.attributesOfItem(atPath: published)[.posixPermissions] as? Int)
        #expect(mode != 0o600)
        #expect(OutputTree.published(below: site.root) == (try BuildCacheArchiveTests().freshOutputs(of: site)))
    }

    /// A feed rendered again that comes out the same puts its spare back; a spare whose output
    /// is turned off goes with it.
    @Test func aSpareStaysWhileItsOutputDoes() throws {
        let site = try TemporarySite(postings: IncrementalBuildTests.postings)
        defer { site.remove() }
        _ = try site.build()
        try site.write("postings/en/tester.md", TemporarySite.posting("title: Tester, edited\ndate: 2026-03-01"))
        _ = try site.build()
        let feedSpare = try #require(spare(of: Self.feed, in: site))
        let inode = Self.inode(feedSpare)
        #expect(spare(of: "exports/postings.csv", in: site) != nil)
        // Touched, not changed: the feed renders again over its spare, and is the same.
        let posting = site.root.appendingPathComponent("postings/en/tester.md").path
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 60)], ofItemAtPath: posting)
        let touched = try site.build()
        #expect(!touched.files.written.contains { $0.hasSuffix(Self.feed) })
        #expect(Self.inode(feedSpare) == inode)
        try site.write("jobfeed.yml", TemporarySite.standardConfig + "\noutputs: [rss, atom, jsonfeed, jsonld, indeed, sitemap]\n")
        _ = try site.build()
        #expect(spare(of: "exports/postings.csv", in: site) == nil)
        #expect(spare(of: Self.feed, in: site) != nil)
    }
}
