import Foundation
import Testing
import JobFeed
import JobFeedCore
import JobFeedPublishing

/// When the outputs must next change with no file touched (what a watcher sleeps until): a
/// posting's closing time passes (it leaves a second later) or a future date arrives. Drafts,
/// archived postings and closings already past do not count; every posting changing at that
/// moment is named, in order.
@Suite struct NextChangeTests {
    let parse = DateParser(timeZone: .gmt)

    @Test func theEarliestMomentNamesEveryPostingThatChangesThen() throws {
        let site = try TemporarySite(postings: [
            "en/closing.md": TemporarySite.posting("title: Closing\ndate: 2026-01-05\nvalidThrough: 2026-11-20T00:00:00Z"),
            "en/opening.md": TemporarySite.posting("title: Opening\ndate: 2026-11-20T00:00:01Z"),
            "en/later.md": TemporarySite.posting("title: Later\ndate: 2026-01-05\nvalidThrough: 2026-11-25T00:00:00Z"),
            "en/draft.md": TemporarySite.posting("title: Draft\ndate: 2026-01-05\nvalidThrough: 2026-11-19T00:00:00Z\ndraft: true"),
            "en/archived.md": TemporarySite.posting("title: Archived\ndate: 2026-01-05\nvalidThrough: 2026-11-19T00:00:00Z\narchived: true"),
            "en/closed.md": TemporarySite.posting("title: Closed\ndate: 2026-01-05\nvalidThrough: 2026-11-01T00:00:00Z"),
        ])
        defer { site.remove() }
        let now = try #require(parse.parse("2026-11-18T12:00:00Z"))
        let report = try Publisher(config: try site.config(), now: now).build()
        let next = try #require(report.nextChange)
        #expect(next.at == parse.parse("2026-11-20T00:00:01Z"))
        #expect(next.postings.map { URL(fileURLWithPath: $0).lastPathComponent } == ["closing.md", "opening.md"])
        #expect(next.postings == next.postings.sorted())
        // Past the last moment to come, nothing is due.
        let afterAll = try #require(parse.parse("2026-11-26T00:00:00Z"))
        #expect(try Publisher(config: try site.config(), now: afterAll).build().nextChange == nil)
    }
}
