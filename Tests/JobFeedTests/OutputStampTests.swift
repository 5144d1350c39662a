import Foundation
import Testing
import JobFeedCore
import JobFeedPublishing
import JobFeedSystem

/// The outputs' stamps that the build record hashes and the build cache keeps are taken by
/// name from each output's folder (`FileStamp.ByFolder`): they must be the stamps `stat` gives
/// each path, whatever the order, the runs and the folders.
@Suite struct OutputStampTests {
    /// Documents in two folders, a feed beside them, a link, a file that is gone and one whose
    /// folder is gone, in the order a build record lists them and shuffled.
    static func outputs(in site: TemporarySite) throws -> [String] {
        for name in ["a", "b", "c"] {
            try site.write("exports/jsonld/en/jobs/\(name).jsonld", "{\"en\": \"\(name)\"}")
            try site.write("exports/jsonld/fr/jobs/\(name).jsonld", "{\"fr\": \"\(name)\"}")
        }
        try site.write("feeds/en/rss.xml", "<rss/>")
        try FileManager.default.createSymbolicLink(atPath: site.path("feeds/en/link.xml"), withDestinationPath: "rss.xml")
        let documents = ["a", "b", "c"].flatMap { [site.path("exports/jsonld/en/jobs/\($0).jsonld"), site.path("exports/jsonld/fr/jobs/\($0).jsonld")] }
        return documents + [site.path("feeds/en/rss.xml"), site.path("feeds/en/link.xml"), site.path("feeds/en/gone.xml"),
                            site.path("feeds/none/atom.xml")]
    }

    @Test func theBuildRecordsStampsAreThoseTakenByPathInAnyRuns() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let outputs = try Self.outputs(in: site)
        for order in [outputs, outputs.sorted(), outputs.reversed()] {
            // Every stamp known, taken by path: the hash the stamps taken by folder must give.
            let byPath = BuildRecord.stamps(of: order, known: { FileStamp(path: $0.text) })
            for run in [1, 2, 3, 1_000] {
                #expect(BuildRecord.stamps(of: order, run: run) == byPath, "runs of \(run)")
            }
            // Some known, the rest taken: each in its place.
            let half = Set(order.prefix(order.count / 2))
            #expect(BuildRecord.stamps(of: order, known: { half.contains($0.text) ? FileStamp(path: $0.text) : nil }, run: 2) == byPath)
        }
        // A file changed: the hash changes.
        let before = BuildRecord.stamps(of: outputs)
        try site.write("exports/jsonld/fr/jobs/b.jsonld", "{\"fr\": \"b, longer\"}")
        #expect(BuildRecord.stamps(of: outputs, run: 2) != before)
    }

    /// Two folders whose names read alike in other code points (`café` composed and
    /// decomposed) are two folders: each file is stat'ed in its own.
    @Test func foldersNamedAlikeInOtherCodePointsAreTwoFolders() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let (composed, decomposed) = ("exports/jsonld/en/caf\u{E9}", "exports/jsonld/en/cafe\u{301}")
        try site.write(composed + "/a.jsonld", "composed")
        try site.write(decomposed + "/a.jsonld", "decomposed, longer")
        let paths = [site.path(composed + "/a.jsonld"), site.path(decomposed + "/a.jsonld"), site.path(composed + "/a.jsonld")]
        var byFolder = FileStamp.ByFolder()
        let stamps = paths.map { byFolder.stamp(of: $0) }
        #expect(stamps == paths.map { FileStamp(path: $0) })
        #expect(stamps[0] != stamps[1])
        #expect(BuildRecord.stamps(of: paths, run: 3) == BuildRecord.stamps(of: paths, known: { FileStamp(path: $0.text) }))
    }

    @Test func outputsRecordedTogetherAreCurrentAsEachOneIs() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let outputs = try Self.outputs(in: site)
        let cache = BuildCache()
        let files = outputs.map { path in
            let data = (try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data()
            return (path: path, size: data.count, digest: ContentDigest.of(data))
        }
        cache.written.record(files)
        for path in outputs {
            let data = (try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data()
            // A file that is gone was not recorded, so it is not current.
            #expect(cache.written.isCurrent(path, data: data) == (FileStamp(path: path) != nil), "\(path)")
        }
        try site.write("exports/jsonld/en/jobs/a.jsonld", "{\"en\": \"a, changed\"}")
        #expect(!cache.written.isCurrent(outputs[0], data: Data("{\"en\": \"a, changed\"}".utf8)))
    }
}
