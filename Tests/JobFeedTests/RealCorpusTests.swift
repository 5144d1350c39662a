import Foundation
import Testing
import JobFeed

/// Builds the ~300 real bilingual postings in ../shared/corpus/cds with Tests/RealCorpus/cds.yml.
@Suite struct RealCorpusTests {
    static let corpus = Repository.root.deletingLastPathComponent().appendingPathComponent("shared/corpus/cds")
    static let present = FileManager.default.fileExists(atPath: corpus.path)

    /// Every real posting, parsed as Tests/RealCorpus/cds.yml maps it.
    static func postings() throws -> [Posting] {
        let config = try Config.load(from: Repository.root.appendingPathComponent("Tests/RealCorpus/cds.yml"),
                                     overrides: FolderOverrides(postings: corpus.path))
        var discovery = PostingDiscovery(root: config.postingsDirectory, languages: config.languageCodes)
        let parser = PostingParser(config: config, fallbackDates: FallbackDates(root: config.postingsDirectory, consultGit: false))
        return try discovery.files().compactMap { file in
            FileManager.default.contents(atPath: file.url.path).flatMap { parser.parse(file, data: $0).posting }
        }
    }

    @Test(.enabled(if: present, "skipped: ../shared/corpus/cds is absent"))
    func theRealCorpusBuildsWithTheExpectedCounts() throws {
        let scratch = ScratchPath.unused("cds")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let config = try Config.load(
            from: Repository.root.appendingPathComponent("Tests/RealCorpus/cds.yml"),
            overrides: FolderOverrides(postings: Self.corpus.path, feeds: scratch.appendingPathComponent("feeds").path,
                                       exports: scratch.appendingPathComponent("exports").path, state: scratch.appendingPathComponent("state").path))
        let now = DateParser(timeZone: config.timeZone).parse("2026-11-29")!
        let report = try Publisher(config: config, now: now).build()
        // Every live posting (Tests/consumers/live_set.py finds the same 32 and 20 from the files
        // alone), including copies that reuse another posting's translationKey.
        #expect(report.count(.active, in: "en") == 32)
        #expect(report.count(.active, in: "fr") == 20)
        #expect(report.count(.archived, in: "en") == 120)
        #expect(report.count(.archived, in: "fr") == 119)
        #expect(report.translationPairs == 130)
        let errors = report.diagnostics.filter { $0.severity == .error }
        // The corpus really holds five files with broken YAML; its reused keys are warnings.
        #expect(errors.count == 5 && errors.allSatisfy { $0.message.hasPrefix("invalid YAML") })
        #expect(report.diagnostics.filter { $0.message.contains("both are published as separate jobs") }.count == 132)
        let rss = try String(contentsOf: scratch.appendingPathComponent("feeds/en/rss.xml"), encoding: .utf8)
        #expect(rss.components(separatedBy: "<item>").count - 1 == 32)
    }
}
