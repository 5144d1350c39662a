import Foundation
import Testing
import JobFeed
import JobFeedCore
import JobFeedPublishing
import JobFeedSystem

/// A build writes each output's next version over the version before the published one (its
/// spare, in the state folder) rather than into a new file, but never over one that a reader
/// still holds open, and never one that a new file would not be (its mode); the outputs are
/// a fresh build's either way.
@Suite struct SpareFileTests {
    static let feed = "feeds/en/rss.xml"

    /// Builds, then edits and builds twice (the last edit makes the feed shorter than its
    /// spare, which is cut to its size), handing `beforeLastBuild` the feed's spare before the
    /// last build; returns which file that spare is, which the published feed is after the
    /// last build when it was written over the spare.
    func threeBuilds(_ site: TemporarySite, beforeLastBuild: (String) throws -> Void = { _ in }) throws -> Incarnation {
        _ = try site.build()
        try site.write("postings/en/tester.md", TemporarySite.posting("title: Tester, edited\ndate: 2026-03-01"))
        _ = try site.build()
        try site.write("postings/en/tester.md", TemporarySite.posting("title: T\ndate: 2026-03-01"))
        let feedSpare = try #require(spare(of: Self.feed, in: site))
        let kept = try #require(Self.incarnation(feedSpare))
        try beforeLastBuild(feedSpare)
        _ = try site.build()
        return kept
    }

    /// The output's spare, when there is one.
    func spare(of output: String, in site: TemporarySite) -> String? {
        let target = site.path(output)
        let spare = StagingFolders.spare(for: target, in: StateFolder(url: site.root.appendingPathComponent(StateFolder.defaultName)))
        return FileManager.default.fileExists(atPath: spare) ? spare : nil
    }

    /// Which file `path` names: its inode and the inode's generation (`FS_IOC_GETVERSION`),
    /// so that a new file given a freed inode's number is told apart from it.
    struct Incarnation: Equatable {
        var inode: UInt64
        var generation: Int
    }

    static func incarnation(_ path: String) -> Incarnation? {
        guard let file = try? OpenFile(path, .readOnly, operation: "read") else { return nil }
        var info = stat()
        var generation = 0
        guard fstat(file.rawValue, &info) == 0, ioctl(file.rawValue, UInt(0x8008_7601), &generation) == 0 else { return nil }
        return Incarnation(inode: UInt64(info.st_ino), generation: generation)
    }

    /// Whether this machine's scratch folder grants leases and tells inodes' generations, which the
    /// tests of a spare written over need (elsewhere spares are never written over, and
    /// builds write new files as before).
    static let spareIsUsable: Bool = {
        let path = ScratchPath.unused("lease").path
        guard FileManager.default.createFile(atPath: path, contents: Data("x".utf8)) else { return false }
        defer { try? FileManager.default.removeItem(atPath: path) }
        let file = try? OpenFile(path, .writeOnly, operation: "write")
        return file?.isOpenOnlyHere() == true && incarnation(path) != nil
    }()

    @Test(.enabled(if: spareIsUsable)) func theFeedIsWrittenOverItsSpare() throws {
        let site = try TemporarySite(postings: IncrementalBuildTests.postings)
        defer { site.remove() }
        let spare = try threeBuilds(site)
        #expect(Self.incarnation(site.root.appendingPathComponent(Self.feed).path) == spare)
        #expect(OutputTree.published(below: site.root) == (try BuildCacheArchiveTests().freshOutputs(of: site)))
    }

    /// With `gzip: true`, the feed's `.gz` twin is written over its own spare, which was
    /// longer, and cut to size: the twin is a fresh build's.
    @Test(.enabled(if: spareIsUsable)) func aTwinIsWrittenOverItsSpare() throws {
        let site = try TemporarySite(config: TemporarySite.standardConfig + "\ngzip: true\n", postings: IncrementalBuildTests.postings)
        defer { site.remove() }
        let twin = Self.feed + ".gz"
        var spareSize: Int?
        var kept: Incarnation?
        _ = try threeBuilds(site) { _ in
            let twinSpare = try #require(spare(of: twin, in: site))
            kept = Self.incarnation(twinSpare)
            spareSize = (try FileManager.default.attributesOfItem(atPath: twinSpare))[.size] as? Int
        }
        let published = site.root.appendingPathComponent(twin).path
        #expect(Self.incarnation(published) == kept)
        #expect(try #require(spareSize) > (try FileManager.default.attributesOfItem(atPath: published))[.size] as? Int ?? .max)
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
        #expect(Self.incarnation(published) != spare)
        let mode = try #require(FileManager.default.attributesOfItem(atPath: published)[.posixPermissions] as? Int)
        #expect(mode != 0o600)
        #expect(OutputTree.published(below: site.root) == (try BuildCacheArchiveTests().freshOutputs(of: site)))
    }

    /// A spare another name links to (a backup made with hard links) is not written over: the
    /// backup keeps the bytes it linked.
    @Test func aSpareLinkedElsewhereIsNotWrittenOver() throws {
        let site = try TemporarySite(postings: IncrementalBuildTests.postings)
        defer { site.remove() }
        let backup = site.root.appendingPathComponent("backup.xml").path
        var linked: String?
        _ = try threeBuilds(site) { spare in
            #expect(link(spare, backup) == 0)
            linked = try String(contentsOfFile: backup, encoding: .utf8)
        }
        #expect(try String(contentsOfFile: backup, encoding: .utf8) == linked)
        #expect(linked != nil && linked != site.read(Self.feed))
        #expect(OutputTree.published(below: site.root) == (try BuildCacheArchiveTests().freshOutputs(of: site)))
    }

    /// A feed rendered again that comes out the same puts its spare back; a spare whose output
    /// is turned off goes with it.
    @Test(.enabled(if: spareIsUsable)) func aSpareStaysWhileItsOutputDoes() throws {
        let site = try TemporarySite(postings: IncrementalBuildTests.postings)
        defer { site.remove() }
        _ = try site.build()
        try site.write("postings/en/tester.md", TemporarySite.posting("title: Tester, edited\ndate: 2026-03-01"))
        _ = try site.build()
        let feedSpare = try #require(spare(of: Self.feed, in: site))
        let kept = Self.incarnation(feedSpare)
        #expect(spare(of: "exports/postings.csv", in: site) != nil)
        // Touched, not changed: the feed renders again over its spare, and is the same.
        let posting = site.root.appendingPathComponent("postings/en/tester.md").path
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 60)], ofItemAtPath: posting)
        let touched = try site.build()
        #expect(!touched.files.written.contains { $0.hasSuffix(Self.feed) })
        #expect(Self.incarnation(feedSpare) == kept)
        try site.write("jobfeed.yml", TemporarySite.standardConfig + "\noutputs: [rss, atom, jsonfeed, jsonld, indeed, sitemap]\n")
        _ = try site.build()
        #expect(spare(of: "exports/postings.csv", in: site) == nil)
        #expect(spare(of: Self.feed, in: site) != nil)
    }

    /// Whether this machine's scratch folder can zero a file keeping its blocks, and drop its
    /// pages from the page cache when asked (tmpfs keeps them): what the next test needs.
    static let pagesCanBeDropped: Bool = {
        guard let path = try? spareLike("probe", bytes: 1 << 16), let file = try? OpenFile(path, .readWrite, operation: "write") else { return false }
        defer { try? FileManager.default.removeItem(atPath: path) }
        return (file.residentShare(of: 1 << 16) ?? 1) < 0.5 && file.zeroKeepingBlocks(1 << 16)
    }()

    /// A file as a spare is (a build's staged file: its mode), `bytes` long, synced to disk and
    /// its pages dropped from the page cache; closed.
    static func spareLike(_ name: String, bytes: Int) throws -> String {
        let path = ScratchPath.unused(name).path
        let file = try OpenFile(path, .writeOnly, options: [.create, .exclusiveCreate], permissions: [.ownerReadWrite, .groupRead, .otherRead], operation: "write")
        try file.writeAll(Data(repeating: UInt8(ascii: "x"), count: bytes))
        _ = fsync(file.rawValue)
        _ = posix_fadvise(file.rawValue, 0, 0, POSIX_FADV_DONTNEED)
        return path
    }

    /// A spare the page cache has lost is zeroed as it is claimed, its blocks kept: written
    /// over, each page a write ends inside would be read from disk first. One the page cache
    /// holds is written over as it is.
    @Test(.enabled(if: spareIsUsable && pagesCanBeDropped), arguments: [false, true])
    func aSpareThePageCacheLostIsZeroedWithItsBlocksKept(lost: Bool) throws {
        let spare = try Self.spareLike("spare", bytes: 1 << 20)
        // Read in full: the page cache holds it again.
        if !lost { #expect(FileManager.default.contents(atPath: spare)?.count == 1 << 20) }
        var before = stat()
        _ = stat(spare, &before)
        let claimedPath = ScratchPath.unused("claimed").path
        defer { try? FileManager.default.removeItem(atPath: claimedPath) }
        #expect(SpareFile.claim(spare, as: claimedPath) != nil)
        var after = stat()
        _ = stat(claimedPath, &after)
        #expect(after.st_blocks == before.st_blocks && after.st_size == before.st_size)
        let bytes = try #require(FileManager.default.contents(atPath: claimedPath))
        #expect(bytes.allSatisfy { $0 == (lost ? 0 : UInt8(ascii: "x")) })
    }

    /// The two ways of asking the kernel how much of a file its page cache holds agree: the
    /// file's pages dropped, a quarter of them read back, then all of them.
    @Test(.enabled(if: pagesCanBeDropped)) func cachestatAndMincoreTellTheSameShare() throws {
        let pageCount = 64
        let length = pageCount * Int(sysconf(Int32(_SC_PAGESIZE))) - 100
        let path = try Self.spareLike("resident", bytes: length)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let file = try OpenFile(path, .readOnly, operation: "read")
        _ = posix_fadvise(file.rawValue, 0, 0, POSIX_FADV_RANDOM)
        var shares: [[Double?]] = []
        for readLength in [0, length / 4, length] {
            var buffer = [UInt8](repeating: 0, count: max(readLength, 1))
            _ = try buffer.withUnsafeMutableBytes { bytes in try file.read(at: 0, into: UnsafeMutableRawBufferPointer(rebasing: bytes.prefix(readLength))) }
            shares.append(OpenFile.ResidencyQuery.allCases.map { file.residentShare(of: length, asking: $0) })
        }
        for share in shares { #expect(share[0] == share[1]) }
        #expect(shares[0][0] == 0 && shares[2][0] == 1)
        #expect((shares[1][0] ?? 0) >= 0.25 && (shares[1][0] ?? 1) < 1)
    }

    /// With `spares: false` no spare is kept, and turning it off removes those kept: each
    /// output is a new file, as before spares.
    @Test func sparesCanBeTurnedOff() throws {
        let site = try TemporarySite(postings: IncrementalBuildTests.postings)
        defer { site.remove() }
        let spares = site.root.appendingPathComponent(".jobfeed/spares").path
        _ = try threeBuilds(site)
        #expect(!((try? FileManager.default.contentsOfDirectory(atPath: spares)) ?? []).isEmpty)
        try site.write("jobfeed.yml", TemporarySite.standardConfig + "\nspares: false\n")
        for title in ["Tester", "Tester, edited", "T"] {
            try site.write("postings/en/tester.md", TemporarySite.posting("title: \(title)\ndate: 2026-03-01"))
            _ = try site.build()
        }
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: spares)) ?? []).isEmpty)
        #expect(OutputTree.published(below: site.root) == (try BuildCacheArchiveTests().freshOutputs(of: site)))
    }
}
