import Foundation
import Testing
import JobFeed
import JobFeedPublishing
import JobFeedSystem

/// What jobfeed keeps for itself lives in the state folder, never in a published folder, and
/// nothing of an unpublished posting reaches a published file.
@Suite struct StateFolderTests {
    static let secret = "EMBARGOED-7f3a"

    @Test func draftsAndEmbargoedPostingsReachNoPublishedFile() throws {
        var postings = BuildBehaviourTests.postings
        postings["en/draft.md"] = TemporarySite.posting("title: Draft \(Self.secret)\ndate: 2026-01-05\ndraft: true", body: "Secret draft \(Self.secret).")
        postings["en/future.md"] = TemporarySite.posting("title: Future \(Self.secret)\ndate: 2027-06-01", body: "Embargoed \(Self.secret).")
        let site = try TemporarySite(postings: postings)
        defer { site.remove() }
        _ = try site.build()
        let published = OutputTree.published(below: site.root)
        #expect(!published.isEmpty)
        for (path, data) in published {
            #expect(!String(decoding: data, as: UTF8.self).contains(Self.secret), "\(path) holds an unpublished posting's text")
        }
        #expect(try OutputInvariants.violations(of: site) == [])
        // The copies that hold them are the owner's alone.
        let state = site.root.appendingPathComponent(".jobfeed").path
        #expect(Self.mode(of: state) == 0o700)
        for file in FolderWalk.files(below: state) { #expect(Self.mode(of: state + "/" + file) == 0o600, "\(file)") }
    }

    @Test func anOlderVersionsFilesInExportsAreMovedOnceWithANotice() throws {
        let site = try TemporarySite(postings: BuildBehaviourTests.postings)
        defer { site.remove() }
        try site.write("exports/.jobfeed-last-good/index", "jobfeed-last-good 1\n")
        try site.write("exports/.jobfeed-last-good/pack-0", "")
        try site.write("exports/.jobfeed-build.json", "{}")
        try site.write("exports/.jobfeed.lock", "")
        let first = try site.build()
        #expect(first.diagnostics.contains { $0.severity == .warning && $0.message.contains("moved jobfeed's own files") })
        #expect(OutputTree.files(below: site.root.appendingPathComponent("exports")).keys.allSatisfy { !$0.contains(".jobfeed") })
        #expect(FileManager.default.fileExists(atPath: site.root.appendingPathComponent(".jobfeed/last-good/index").path))
        let second = try site.build()
        #expect(!second.diagnostics.contains { $0.message.contains("moved") })
    }

    /// A killed build's temporary files beside the state folder's own (the record, an index, a
    /// layout: each written to a temporary file renamed over it) are removed by the next build;
    /// one whose process still runs (`report`, which takes no lock, writing its page) is kept.
    @Test func aKilledBuildsTemporaryStateFilesAreRemovedByTheNext() throws {
        let site = try TemporarySite(postings: IncrementalBuildTests.postings)
        defer { site.remove() }
        _ = try site.build()
        let state = site.root.appendingPathComponent(StateFolder.defaultName)
        let ended = Process()
        ended.executableURL = URL(fileURLWithPath: "/bin/true")
        try ended.run()
        ended.waitUntilExit()
        let left = [".jobfeed-tmp-\(ended.processIdentifier)-7", "cache/layouts/.jobfeed-tmp-\(ended.processIdentifier)-8"]
        let running = ".jobfeed-tmp-\(getpid())-9"
        for name in left + [running] {
            let file = state.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            #expect(FileManager.default.createFile(atPath: file.path, contents: Data("x".utf8)))
        }
        _ = try site.build()
        for name in left { #expect(!FileManager.default.fileExists(atPath: state.appendingPathComponent(name).path)) }
        #expect(FileManager.default.fileExists(atPath: state.appendingPathComponent(running).path))
    }

    @Test func aStateFolderInsideAPublishedFolderIsRefused() throws {
        let site = try TemporarySite(config: TemporarySite.standardConfig + "\nstate: exports/state\n")
        defer { site.remove() }
        #expect(throws: DiagnosticError.self) { try site.config() }
    }

    /// The staging folder is chosen per folder of the outputs: found by the last slash, it is
    /// what Foundation's path API gives for the standardized absolute paths outputs have.
    @Test(arguments: ["/site/exports/jsonld/en/jobs/job-1.jsonld", "/site/feeds/en/rss.xml", "/rss.xml", "/a b/é/ü.json",
                      "/site/exports/indeed.xml"])
    func anOutputsFolderIsFoundByItsLastSlash(path: String) {
        #expect(path.parentFolder == (path as NSString).deletingLastPathComponent)
    }

    static func mode(of path: String) -> mode_t {
        var info = stat()
        stat(path, &info)
        return info.st_mode & 0o777
    }
}
