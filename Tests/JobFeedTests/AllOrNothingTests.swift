import Foundation
import Testing
import JobFeed
import JobFeedSystem

/// A build that fails while publishing leaves every published file as it was; a build killed
/// while publishing is undone by the next one; a full disk is never a lasting outage.
@Suite(.serialized) struct AllOrNothingTests {
    static let canChattr: Bool = {
        let probe = FileManager.default.temporaryDirectory.appendingPathComponent("jobfeed-chattr-probe-\(getpid())")
        guard FileManager.default.createFile(atPath: probe.path, contents: Data()) else { return false }
        defer { try? FileManager.default.removeItem(at: probe) }
        guard shell("chattr", "+i", probe.path) == 0 else { return false }
        return shell("chattr", "-i", probe.path) == 0
    }()

    static let canMountTmpfs: Bool = {
        guard getuid() == 0 else { return false }
        let point = FileManager.default.temporaryDirectory.appendingPathComponent("jobfeed-mount-probe-\(getpid())")
        try? FileManager.default.createDirectory(at: point, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: point) }
        guard shell("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", point.path) == 0 else { return false }
        return shell("umount", point.path) == 0
    }()

    @discardableResult
    static func shell(_ command: String, _ arguments: String...) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [command] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test func aPublicationThatFailsPartWayPutsEveryFileBack() throws {
        let folder = try TemporarySite()
        defer { folder.remove() }
        try folder.write("out/a.xml", "old a")
        try folder.write("out/gone.jsonld", "old gone")
        try folder.write("out/.jobfeed-tmp-new-a", "new a")
        try folder.write("out/.jobfeed-tmp-new-c", "new c")
        let state = StateFolder(url: folder.root.appendingPathComponent(".jobfeed"))
        var publication = Publication(state: state)
        let out = folder.root.appendingPathComponent("out").path
        publication.replace(out + "/a.xml", with: out + "/.jobfeed-tmp-new-a")
        publication.replace(out + "/c.xml", with: out + "/.jobfeed-tmp-new-c")
        publication.remove(out + "/gone.jsonld")
        publication.replace(out + "/b.xml", with: out + "/.jobfeed-tmp-missing")
        #expect(throws: SystemError.self) { try publication.commit() }
        #expect(folder.read("out/a.xml") == "old a")
        #expect(folder.read("out/gone.jsonld") == "old gone")
        #expect(folder.read("out/c.xml") == nil)
        #expect(folder.read("out/b.xml") == nil)
        #expect(!FileManager.default.fileExists(atPath: state.journal.path))
        #expect(FolderWalk.files(below: state.rollback.path).isEmpty)
    }

    /// The outputs' writers are made on every core at once; when none can stage its file (the
    /// state folder's staging folder is a file), the build fails with the first output's
    /// error in the formats' order, every time, and publishes nothing.
    @Test func writersThatCannotStageFailTheBuildAndLeaveEveryOutputAsItWas() throws {
        let site = try TemporarySite(postings: BuildBehaviourTests.postings)
        defer { site.remove() }
        _ = try site.build()
        let before = OutputTree.published(below: site.root)
        let staging = site.root.appendingPathComponent(".jobfeed/staging")
        try FileManager.default.removeItem(at: staging)
        try site.write(".jobfeed/staging", "not a folder")
        try site.write("postings/en/writer.md", TemporarySite.posting("title: Writer, edited\ndate: 2026-02-01\nvalidThrough: 2026-12-31"))
        for _ in 0..<3 {
            let failure = try #require(throws: DiagnosticError.self) { try site.build() }
            #expect(failure.diagnostics.count == 1)
            #expect(failure.description.hasSuffix("feeds/en/rss.xml: error: cannot write the file: Not a directory; check the folder's permissions and free space"), "\(failure)")
        }
        #expect(OutputTree.published(below: site.root) == before)
    }

    @Test func aJournalLeftByAKilledBuildIsUndoneBeforeTheNextBuild() throws {
        let site = try TemporarySite(postings: BuildBehaviourTests.postings)
        defer { site.remove() }
        _ = try site.build()
        let before = OutputTree.published(below: site.root)
        // What a build killed between two renames leaves: a journal, a backup, one new file in place.
        let state = StateFolder(try site.config())
        let feed = site.root.appendingPathComponent("feeds/en/rss.xml").path
        let added = site.root.appendingPathComponent("exports/jsonld/en/added.jsonld").path
        try StateFolder.create(state.rollback)
        #expect(link(feed, state.rollback.path + "/0") == 0)
        try site.write("feeds/en/.jobfeed-tmp-killed", "<rss>half</rss>")
        rename(site.root.appendingPathComponent("feeds/en/.jobfeed-tmp-killed").path, feed)
        try site.write("exports/jsonld/en/added.jsonld", "{}")
        let journal = [Publication.Change(target: feed, replacement: "x", backup: state.rollback.path + "/0"),
                       Publication.Change(target: added, replacement: "y", backup: nil)]
        try JSONEncoder().encode(journal).write(to: state.journal)

        let recovered = Publication.recover(state)
        #expect(recovered.contains { $0.message.contains("undone") })
        #expect(OutputTree.published(below: site.root) == before)
        #expect(!FileManager.default.fileExists(atPath: state.journal.path))
    }

    @Test(.enabled(if: canChattr, "skipped: this file system has no chattr +i"))
    func anImmutableFeedFailsTheBuildAndChangesNoPublishedFile() throws {
        let site = try TemporarySite(postings: BuildBehaviourTests.postings)
        defer { site.remove() }
        _ = try site.build()
        let before = OutputTree.published(below: site.root)
        let frozen = site.root.appendingPathComponent("feeds/fr/rss.xml").path
        #expect(Self.shell("chattr", "+i", frozen) == 0)
        defer { Self.shell("chattr", "-i", frozen) }
        try site.write("postings/en/writer.md", TemporarySite.posting("title: Writer, edited\ndate: 2026-02-01\nvalidThrough: 2026-12-31"))
        try site.write("postings/fr/designer.md", TemporarySite.posting("title: Designer (fr), edited\ndate: 2026-01-05\ntranslationKey: designer"))
        let status = CommandRunner.exitCode(["build", "--config", site.configURL.path, "--now", "2026-11-18", "--quiet"])
        #expect(status == 2)
        #expect(OutputTree.published(below: site.root) == before)
        Self.shell("chattr", "-i", frozen)
        #expect(CommandRunner.exitCode(["build", "--config", site.configURL.path, "--now", "2026-11-18", "--quiet"]) == 0)
        #expect(site.read("feeds/en/rss.xml")?.contains("Writer, edited") == true)
    }

    /// The outputs and state on a 256 KB tmpfs, postings of 500 KB: the first build cannot fit.
    /// Its copies must not stay behind to make every later build fail too.
    @Test(.enabled(if: canMountTmpfs, "skipped: needs root to mount a tmpfs"))
    func aBuildThatFillsTheDiskLeavesRoomForTheNext() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let disk = site.root.appendingPathComponent("disk")
        try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
        #expect(Self.shell("mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", disk.path) == 0)
        defer { Self.shell("umount", disk.path) }
        try site.write("jobfeed.yml", TemporarySite.standardConfig + "\nfeeds: disk/feeds\nexports: disk/exports\nstate: disk/state\n")
        let body = String(repeating: "A long paragraph about the job. ", count: 800)
        for index in 0..<20 { try site.write("postings/en/job-\(index).md", TemporarySite.posting("title: Job \(index)\ndate: 2026-01-05", body: body)) }
        #expect(throws: DiagnosticError.self) { try site.build() }
        #expect(OutputTree.published(below: disk).isEmpty)
        let pack = disk.appendingPathComponent("state/last-good/pack-0").path
        #expect((FileStamp(path: pack)?.size ?? 0) == 0, "a failed build's copies stayed in the pack")

        for index in 1..<20 { try FileManager.default.removeItem(at: site.root.appendingPathComponent("postings/en/job-\(index).md")) }
        let report = try site.build()
        #expect(report.count(.active, in: "en") == 1)
        #expect(site.read("disk/feeds/en/rss.xml")?.contains("Job 0") == true)
    }
}
