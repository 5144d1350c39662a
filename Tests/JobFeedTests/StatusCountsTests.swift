import Foundation
import Testing
import JobFeed
import JobFeedPublishing

/// The summary's counts: every posting read, by language and status (drafts and scheduled ones
/// too), and translation pairs; the same from the build record when nothing changed.
@Suite struct StatusCountsTests {
    @Test func everyPostingReadCountsByLanguageAndStatus() throws {
        let site = try TemporarySite(postings: [
            "en/open.md": TemporarySite.posting("title: Open\ndate: 2026-01-05\ntranslationKey: open"),
            "fr/ouvert.md": TemporarySite.posting("title: Ouvert\ndate: 2026-01-05\ntranslationKey: open"),
            "en/second.md": TemporarySite.posting("title: Second\ndate: 2026-01-06"),
            "en/draft.md": TemporarySite.posting("title: Draft\ndate: 2026-01-05\ndraft: true"),
            "en/later.md": TemporarySite.posting("title: Later\ndate: 2026-12-20"),
            "en/closed.md": TemporarySite.posting("title: Closed\ndate: 2026-01-05\nvalidThrough: 2026-11-01T00:00:00Z"),
            "fr/archive.md": TemporarySite.posting("title: Archivé\ndate: 2026-01-05\narchived: true"),
        ])
        defer { site.remove() }
        let first = try site.build()
        let second = try site.build()
        for report in [first, second] {
            #expect(report.counts.byLanguage == [
                "en": ["active": 2, "draft": 1, "scheduled": 1, "expired": 1],
                "fr": ["active": 1, "archived": 1],
            ])
            #expect(report.translationPairs == 1)
        }
        #expect(second.files.written.isEmpty)
    }
}
