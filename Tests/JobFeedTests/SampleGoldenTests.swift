import Foundation
import Testing
import JobFeed

/// The committed `feeds/` and `exports/` are the golden files: a build of the sample postings
/// must reproduce them byte for byte. `JOBFEED_RECORD=1 swift test` rewrites them.
@Suite struct SampleGoldenTests {
    static let now = DateParser(timeZone: TimeZone(identifier: "America/Toronto")!).parse("2026-11-29")!
    static let recording = ProcessInfo.processInfo.environment["JOBFEED_RECORD"] == "1"

    @Test func buildingTheSampleReproducesTheCommittedOutputs() throws {
        let scratch = ScratchPath.unused("golden")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let overrides = Self.recording ? FolderOverrides() : FolderOverrides(
            feeds: scratch.appendingPathComponent("feeds").path, exports: scratch.appendingPathComponent("exports").path,
            state: scratch.appendingPathComponent("state").path)
        let config = try Config.load(from: Repository.root.appendingPathComponent("jobfeed.yml"), overrides: overrides)
        let report = try Publisher(config: config, now: Self.now).build()
        #expect(report.diagnostics.isEmpty)
        for folder in ["feeds", "exports"] {
            let built = OutputTree.files(below: (Self.recording ? Repository.root : scratch).appendingPathComponent(folder))
            let golden = OutputTree.files(below: Repository.root.appendingPathComponent(folder))
            #expect(built.keys.sorted() == golden.keys.sorted(), "files in \(folder)/ differ; run `JOBFEED_RECORD=1 swift test` if intended")
            for (path, data) in built where golden[path] != data {
                Issue.record("\(folder)/\(path) differs from the committed file; run `JOBFEED_RECORD=1 swift test` if intended")
            }
        }
    }

    @Test func theSampleCoversEveryKindOfPosting() throws {
        let site = try Config.load(from: Repository.root.appendingPathComponent("jobfeed.yml"))
        let report = try Publisher(config: site, now: Self.now).check()
        #expect(report.count(.active, in: "en") == 3)
        #expect(report.count(.active, in: "fr") == 2)
        #expect(report.count(.archived, in: "en") == 1)
        #expect(report.count(.expired, in: "fr") == 1)
        #expect(report.translationPairs == 4)
        let entries = report.catalog.entries
        #expect(entries.contains { $0.status == .active && $0.posting.remote != nil && $0.posting.locations.isEmpty })
        #expect(entries.contains { $0.status == .active && $0.posting.locations.first?.street != nil && $0.posting.salary != nil })
        #expect(entries.contains { $0.status == .active && $0.translations.isEmpty })
    }
}
