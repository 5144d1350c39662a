import Foundation
import Testing
@testable import JobFeed

/// Builds the ~300 real bilingual postings in ../shared/corpus/cds with Tests/RealCorpus/cds.yml.
@Suite struct RealCorpusTests {
    static let corpus = Repository.root.deletingLastPathComponent().appendingPathComponent("shared/corpus/cds")
    static let present = FileManager.default.fileExists(atPath: corpus.path)

    @Test(.enabled(if: present, "skipped: ../shared/corpus/cds is absent"))
    func theRealCorpusBuildsWithTheExpectedCounts() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("jobfeed-cds-" + UUID().uuidString)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let config = try Config.load(
            from: Repository.root.appendingPathComponent("Tests/RealCorpus/cds.yml"),
            overrides: FolderOverrides(postings: Self.corpus.path, feeds: scratch.appendingPathComponent("feeds").path,
                                       exports: scratch.appendingPathComponent("exports").path, state: scratch.appendingPathComponent("state").path))
        let now = DateParser(timeZone: config.timeZone).parse("2026-11-29")!
        let report = try Publisher(config: config, now: now).build()
        #expect(report.count(.active, in: "en") == 15)
        #expect(report.count(.active, in: "fr") == 8)
        #expect(report.count(.archived, in: "en") == 69)
        #expect(report.count(.archived, in: "fr") == 67)
        #expect(report.translationPairs == 73)
        let errors = report.diagnostics.filter { $0.severity == .error }
        // The corpus really holds five files with broken YAML and copies that reuse a key.
        #expect(errors.filter { $0.message.hasPrefix("invalid YAML") }.count == 5)
        #expect(errors.allSatisfy { $0.message.hasPrefix("invalid YAML") || $0.message.contains("is already used in") })
        let rss = try String(contentsOf: scratch.appendingPathComponent("feeds/en/rss.xml"), encoding: .utf8)
        #expect(rss.components(separatedBy: "<item>").count - 1 == 15)
    }
}
