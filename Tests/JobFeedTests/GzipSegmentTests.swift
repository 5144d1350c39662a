import Foundation
import Testing
import JobFeed
import JobFeedPublishing
import JobFeedSystem

/// `.gz` twins made of segments: a rebuild copies the segments whose parts did not change from
/// the last twin, and writes the bytes a cold build writes.
@Suite struct GzipSegmentTests {
    /// Enough postings for each feed's twin to hold several segments (one ends about every 16).
    static let postings = Dictionary(uniqueKeysWithValues: (0..<300).map { number in
        ("en/job-\(number).md", TemporarySite.posting("title: Job \(number)\ndate: 2026-01-01T00:00:00Z\nvalidThrough: 2026-12-31", body: "Job \(number) does things.\n\n" + String(repeating: "Work \(number). ", count: 40)))
    })
    static let config = TemporarySite.standardConfig + "\ngzip: true\n"
    static let twins = ["feeds/en/rss.xml.gz", "feeds/en/atom.xml.gz", "feeds/en/feed.json.gz", "exports/jobpostings.jsonld.gz",
                        "exports/postings.csv.gz", "exports/indeed.xml.gz", "exports/sitemap.xml.gz"]

    @Test(arguments: ["edit a posting", "add a posting", "remove a posting"])
    func aRebuildCopiesTheUnchangedSegmentsAndWritesWhatAColdBuildWrites(change: String) throws {
        let site = try TemporarySite(config: Self.config, postings: Self.postings)
        defer { site.remove() }
        let first = try site.build()
        #expect(first.files.twinSegmentsCopied == 0)
        var postings = Self.postings
        switch change {
        case "edit a posting":
            postings["en/job-150.md"] = TemporarySite.posting("title: Job 150 (edited)\ndate: 2026-01-01T00:00:00Z\nvalidThrough: 2026-12-31")
            try site.write("postings/en/job-150.md", postings["en/job-150.md"]!)
        case "add a posting":
            postings["en/job-new.md"] = TemporarySite.posting("title: New job\ndate: 2026-01-01T00:00:00Z\nvalidThrough: 2026-12-31")
            try site.write("postings/en/job-new.md", postings["en/job-new.md"]!)
        default:
            postings["en/job-150.md"] = nil
            try FileManager.default.removeItem(at: site.root.appendingPathComponent("postings/en/job-150.md"))
        }
        let rebuilt = try site.build()
        #expect(rebuilt.files.twinSegmentsCopied > Self.twins.count, "each twin's unchanged segments should have been copied")
        ConsumerCheck.run(on: site.root)
        // Another folder, so that nothing but the postings is shared (not even the parts' ids).
        let cold = try TemporarySite(config: Self.config, postings: postings)
        defer { cold.remove() }
        _ = try cold.build()
        for twin in Self.twins {
            let rebuiltTwin = FileManager.default.contents(atPath: site.root.appendingPathComponent(twin).path)
            #expect(rebuiltTwin != nil && rebuiltTwin == FileManager.default.contents(atPath: cold.root.appendingPathComponent(twin).path), "\(twin)")
        }
    }

    @Test func aTwinTouchedSinceTheLastBuildIsNotCopiedFrom() throws {
        let site = try TemporarySite(config: Self.config, postings: Self.postings)
        defer { site.remove() }
        _ = try site.build()
        for twin in Self.twins {
            // The same bytes written again: only the file's identity says it was touched.
            let url = site.root.appendingPathComponent(twin)
            try Data(contentsOf: url).write(to: url)
        }
        try site.write("postings/en/job-150.md", TemporarySite.posting("title: Job 150 (edited)\ndate: 2026-01-01T00:00:00Z"))
        let rebuilt = try site.build()
        #expect(rebuilt.files.twinSegmentsCopied == 0)
        ConsumerCheck.run(on: site.root)
    }

    @Test func segmentsPartitionTheFileAndAnInsertedPartMovesNoOtherEnd() {
        func spans(_ digests: [UInt64]) -> [PartSpan] {
            digests.enumerated().map { index, digest in
                PartSpan(source: UInt64(index) &* 7919, digest: digest, offset: 100 + Int64(index) * 12, length: 10, lead: 1, leadLength: 2)
            }
        }
        let digests = (0..<400).map { UInt64($0) &* 0x9E37_79B9_7F4A_7C15 }
        let before = GzipTwin.plan(size: 100 + 400 * 12 + 50, spans: spans(digests))
        #expect(before.first?.range.lowerBound == 0 && before.last?.range.upperBound == 100 + 400 * 12 + 50)
        #expect(zip(before, before.dropFirst()).allSatisfy { $0.range.upperBound == $1.range.lowerBound })
        #expect(before.count > 4)
        // One part more, after the 200th: every end before it stays, every end after it moves by
        // the part's 12 bytes.
        var inserted = digests
        inserted.insert(12_345, at: 200)
        let after = GzipTwin.plan(size: 100 + 401 * 12 + 50, spans: spans(inserted))
        let shifted: Int64 = 100 + 200 * 12 + 10  // the 200th part's end, and every end after it
        let endsBefore = before.map(\.range.upperBound).map { $0 >= shifted ? $0 + 12 : $0 }
        let endsAfter = after.map(\.range.upperBound)
        #expect(Set(endsBefore).isSubset(of: Set(endsAfter)), "an inserted part should only split or merge the segment it falls in")
    }
}
