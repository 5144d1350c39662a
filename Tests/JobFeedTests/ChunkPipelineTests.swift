import Foundation
import Testing
import JobFeed
import JobFeedPublishing

/// The outputs take one chunk of postings while the next one renders (`ChunkPipeline`): with
/// more postings than fit in two chunks, every output must still hold every posting once, in
/// the catalog's order, and a cron build after an edit must equal a fresh build.
@Suite struct ChunkPipelineTests {
    /// Two full chunks and part of a third, so that a turn writes one chunk while another renders.
    static let count = 2 * ChunkRenderer.chunkSize + 37

    /// Job 0 is the oldest: the feeds' order (newest first) is the numbers counting down.
    static func posting(_ number: Int, title: String? = nil) -> String {
        let posted = Date(timeIntervalSince1970: 1_767_225_600 + TimeInterval(number) * 3_600)  // 2026-01-01, an hour apart
        return TemporarySite.posting("title: \(title ?? "Job \(number)")\ndate: \(posted.formatted(.iso8601))")
    }

    static func postings() -> [String: String] {
        Dictionary(uniqueKeysWithValues: (0..<count).map { (String(format: "en/job-%04d.md", $0), posting($0)) })
    }

    /// The titles of the combined JSON-LD's documents, in the file's order.
    func titles(_ site: TemporarySite) throws -> [String] {
        let text = try #require(site.read("exports/jobpostings.jsonld"))
        let documents = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        return documents.map { $0["title"] as? String ?? "" }
    }

    @Test func everyPostingIsWrittenOnceInOrderAcrossChunks() throws {
        let site = try TemporarySite(postings: Self.postings())
        defer { site.remove() }
        let report = try site.build()
        #expect(report.count(.active, in: "en") == Self.count)
        #expect(try titles(site) == (0..<Self.count).reversed().map { "Job \($0)" })
        let feed = try #require(site.read("feeds/en/atom.xml"))
        #expect(feed.components(separatedBy: "<entry>").count - 1 == Self.count)
    }

    @Test func aCronBuildAfterAnEditInTheMiddleChunkEqualsAFreshBuild() throws {
        let site = try TemporarySite(postings: Self.postings())
        defer { site.remove() }
        _ = try site.build()
        let edited = Self.count / 2
        try site.write(String(format: "postings/en/job-%04d.md", edited), Self.posting(edited, title: "Job \(edited), edited"))
        let report = try site.build()
        #expect(report.bodiesRendered == 1)
        #expect(try titles(site) == (0..<Self.count).reversed().map { $0 == edited ? "Job \($0), edited" : "Job \($0)" })
        #expect(OutputTree.published(below: site.root) == (try BuildCacheArchiveTests().freshOutputs(of: site)))
    }
}
