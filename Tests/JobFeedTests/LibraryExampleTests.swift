import Foundation
import Testing
import JobFeed

/// The example on the library's DocC landing page (Sources/JobFeed/JobFeed.docc/JobFeed.md),
/// run as written, on a site in a temporary folder.
@Suite struct LibraryExampleTests {
    @Test func theDocumentationExampleBuildsASite() throws {
        let site = try TemporarySite(postings: ["en/a.md": TemporarySite.posting("title: A\ndate: 2026-01-01")])
        defer { site.remove() }
        // From JobFeed.md, unchanged but for the config's path (the example's is relative to the
        // working folder, which a test must not change) and `print`, which the test collects.
        var printed: [String] = []
        let config = try Config.load(from: URL(fileURLWithPath: site.configURL.path))
        let publisher = Publisher(config: config, now: Timestamp(Date()))
        let report = try publisher.build()
        for diagnostic in report.diagnostics { printed.append("\(diagnostic)") }
        printed.append("\(report.count(.active, in: "en")) active postings in English")

        #expect(printed == ["1 active postings in English"])
        #expect(site.read("feeds/en/rss.xml")?.contains("<title>A</title>") == true)
    }
}
