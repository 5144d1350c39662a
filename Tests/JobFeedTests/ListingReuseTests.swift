import Foundation
import Testing
import JobFeed
import JobFeedPublishing
import JobFeedSystem
import JobFeedWatching

/// A watcher's rebuild, told which posting files were written, takes the last build's listing
/// with only those files stat'ed again (`DiscoveredPostings.updating`); whenever the listing
/// could differ, or a file could change without its own name being written, it lists again.
@Suite struct ListingReuseTests {
    static let postings = [
        "en/designer.md": TemporarySite.posting("title: Designer\ndate: 2026-01-05"),
        "en/writer.md": TemporarySite.posting("title: Writer\ndate: 2026-02-01"),
    ]

    @Test func anEditedFileIsStatedAgainAndTheRestIsKept() throws {
        let site = try TemporarySite(postings: Self.postings)
        defer { site.remove() }
        let listed = try DiscoveredPostings.find(try site.config())
        let edited = site.path("postings/en/designer.md")
        try site.write("postings/en/designer.md", TemporarySite.posting("title: Designer, a longer title\ndate: 2026-01-05"))
        let updated = try #require(listed.updating([edited]))
        #expect(updated.files == listed.files)
        let index = try #require(listed.files.firstIndex { $0.absolutePath == edited })
        #expect(updated.stamps[index] == FileStamp(path: edited))
        #expect(updated.stamps[index] != listed.stamps[index])
        #expect(updated.stamps[1 - index] == listed.stamps[1 - index])
        #expect(listed.updating([])?.stamps == listed.stamps)
    }

    enum Change: String, CaseIterable {
        case fileAdded, fileRemoved, fileBecameALink
    }

    @Test(arguments: Change.allCases)
    func aChangeTheListingCouldSeeListsAgain(_ change: Change) throws {
        let site = try TemporarySite(postings: Self.postings)
        defer { site.remove() }
        let listed = try DiscoveredPostings.find(try site.config())
        let changed: String
        switch change {
        case .fileAdded:
            try site.write("postings/en/tester.md", TemporarySite.posting("title: Tester\ndate: 2026-03-01"))
            changed = site.path("postings/en/tester.md")
        case .fileRemoved:
            changed = site.path("postings/en/writer.md")
            try FileManager.default.removeItem(atPath: changed)
        case .fileBecameALink:
            changed = site.path("postings/en/writer.md")
            try FileManager.default.removeItem(atPath: changed)
            try FileManager.default.createSymbolicLink(atPath: changed, withDestinationPath: "designer.md")
        }
        #expect(listed.updating([changed]) == nil)
        #expect(listed.updating([]) != nil)
    }

    /// A hard link or a symbolic link to a posting changes when the other name is written, and
    /// only that name's change is reported: with one in the folder, every rebuild lists again.
    @Test(arguments: [false, true])
    func aFileWithTwoNamesIsNeverTakenFromTheListing(symbolic: Bool) throws {
        let site = try TemporarySite(postings: Self.postings)
        defer { site.remove() }
        let other = site.path("postings/en/copy.md")
        if symbolic {
            try FileManager.default.createSymbolicLink(atPath: other, withDestinationPath: "designer.md")
        } else {
            try FileManager.default.linkItem(atPath: site.path("postings/en/designer.md"), toPath: other)
        }
        let cache = BuildCache()
        let config = try site.config()
        _ = try Publisher(config: config, now: TemporarySite.now, cache: cache).build()
        #expect(cache.discovered?.updating([]) == nil)
        // Written in place, by the first name: the inode, and so both names, keep it.
        let handle = try #require(FileHandle(forWritingAtPath: site.path("postings/en/designer.md")))
        try handle.truncate(atOffset: 0)
        try handle.write(contentsOf: Data(TemporarySite.posting("title: Designer, edited\ndate: 2026-01-05").utf8))
        try handle.close()
        var rebuild = Publisher(config: config, now: TemporarySite.now, cache: cache)
        rebuild.changedFiles = [site.path("postings/en/designer.md")]
        _ = try rebuild.build()
        #expect(site.read("exports/jsonld/en/copy.jsonld")?.contains("Designer, edited") == true)
        #expect(site.read("exports/jsonld/en/designer.jsonld")?.contains("Designer, edited") == true)
    }

    /// The listing's stamps are taken by name from each folder (`FileStamp.ByFolder.listed`):
    /// they must be what stat'ing each path gives, for every kind of entry and when folders
    /// take turns.
    @Test func stampsTakenByNameAreThoseTakenByPath() throws {
        let site = try TemporarySite(postings: Self.postings.merging(["fr/designer.md": TemporarySite.posting("title: Designer FR\ndate: 2026-01-05")]) { first, _ in first })
        defer { site.remove() }
        let folder = site.path("postings/en")
        try FileManager.default.linkItem(atPath: folder + "/writer.md", toPath: folder + "/hard-link.md")
        try FileManager.default.createSymbolicLink(atPath: folder + "/link.md", withDestinationPath: "designer.md")
        try FileManager.default.createSymbolicLink(atPath: folder + "/broken.md", withDestinationPath: "gone.md")
        let paths = ["designer.md", "hard-link.md", "link.md", "broken.md", "missing.md"].map { folder + "/" + $0 }
            + [site.path("postings/fr/designer.md"), folder + "/writer.md", site.path("postings/none/x.md"), "relative.md"]
        let byName = DiscoveredPostings.stamps(of: paths, run: paths.count)
        let byPath = paths.map { FileStamp.ofListed(path: $0) }
        #expect(byName.map(\.stamp) == byPath.map(\.stamp))
        #expect(byName.map(\.plain) == byPath.map(\.plain))
        #expect(byName.map(\.plain) == [true, false, false, false, false, true, false, false, false])
        #expect(byName.map { $0.stamp != nil } == [true, true, true, false, false, true, true, false, false])
        // Taken in runs on both cores, split within a folder and across folders: the same, in order.
        for run in [1, 2, 4] {
            let inRuns = DiscoveredPostings.stamps(of: paths, run: run)
            #expect(inRuns.map(\.stamp) == byPath.map(\.stamp) && inRuns.map(\.plain) == byPath.map(\.plain), "runs of \(run)")
        }
    }

    /// The outputs' stamps are taken by name from each folder, the folders kept open while
    /// the paths alternate between them (`FileStamp.ByFolder`): they must be what stat'ing
    /// each path gives, links followed, a file or folder that is gone giving none.
    @Test func stampsTakenFromOpenFoldersInAnyOrderAreThoseTakenByPath() throws {
        let site = try TemporarySite(postings: Self.postings.merging(["fr/designer.md": TemporarySite.posting("title: Designer FR\ndate: 2026-01-05")]) { first, _ in first })
        defer { site.remove() }
        let (en, fr) = (site.path("postings/en"), site.path("postings/fr"))
        try FileManager.default.createSymbolicLink(atPath: en + "/link.md", withDestinationPath: "designer.md")
        try FileManager.default.createSymbolicLink(atPath: en + "/broken.md", withDestinationPath: "gone.md")
        let paths = [en + "/designer.md", fr + "/designer.md", en + "/link.md", site.path("postings/none/x.md"), en + "/writer.md",
                     fr + "/missing.md", en + "/broken.md", fr + "/designer.md", "relative.md", en + "/designer.md"]
        var byFolder = FileStamp.ByFolder()
        let stamps = paths.map { byFolder.stamp(of: $0) }
        #expect(stamps == paths.map { FileStamp(path: $0) })
        #expect(stamps.map { $0 != nil } == [true, true, true, false, true, false, false, true, false, true])
        // A file written after its folder was opened: its stamp as it is now.
        try Data("title: Writer\n".utf8).write(to: URL(fileURLWithPath: en + "/writer.md"))
        #expect(byFolder.stamp(of: en + "/writer.md") == FileStamp(path: en + "/writer.md"))
        #expect(byFolder.stamp(of: en + "/writer.md") != stamps[4])
    }

    /// More folders than are kept open at once, asked in turn and then again, the open ones
    /// closed when a folder that cannot be opened comes next: the stamps are still those
    /// taken by path, by either kind of stat.
    @Test func moreFoldersThanAreKeptOpenGiveTheSameStamps() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let (limit, count) = (FileStamp.ByFolder.openLimit, FileStamp.ByFolder.openLimit + 8)
        for folder in 0..<count { try site.write("many/\(folder)/a.md", "\(folder)") }
        func file(_ folder: Int) -> String { site.path("many/\(folder)/a.md") }
        let paths = (0..<limit).map(file) + [site.path("missing/a.md"), file(limit - 1)] + (limit..<count).map(file)
            + (0..<count).map(file) + [site.path("many/0/gone.md")]
        var byFolder = FileStamp.ByFolder()
        let stamps = paths.map { byFolder.stamp(of: $0) }
        #expect(stamps == paths.map { FileStamp(path: $0) })
        #expect(stamps.indices.filter { stamps[$0] == nil } == [limit, paths.count - 1])
        #expect(DiscoveredPostings.stamps(of: paths, run: paths.count).map(\.stamp) == stamps)
    }

    @Test func onlyFileWritesAreKnownChanges() {
        var pending = PendingChanges()
        pending.files = ["/site/postings/en/a.md"]
        #expect(pending.knownChanges == ["/site/postings/en/a.md"])
        pending.time = NextChange(at: Timestamp(seconds: 0), postings: [])
        #expect(pending.knownChanges == ["/site/postings/en/a.md"])
        for mark in [\PendingChanges.rescan, \.configChanged, \.interval, \.retry] {
            var marked = pending
            marked[keyPath: mark] = true
            #expect(marked.knownChanges == nil)
        }
        pending.pollingNeeded = "inotify lost a folder"
        #expect(pending.knownChanges == nil)
    }
}
