import Foundation
import Testing
import JobFeed

/// `jobfeed report`: the build history it plots, the page it writes, and where it may write it.
@Suite struct StatusReportTests {
    static let day: Int64 = 86_400
    static let now = TemporarySite.now

    static func posting(_ title: String, closingInDays days: Int64?, salary: Bool = true) -> String {
        var lines = ["title: \(title)", "date: 2026-01-01"]
        if let days {
            let closing = Date(timeIntervalSince1970: TimeInterval(now.seconds + days * day + 3_600))
            lines.append("validThrough: \(ISO8601DateFormatter().string(from: closing))")
        }
        if salary { lines.append("salary: {min: 50000, max: 60000, currency: CAD, unit: YEAR}") }
        return TemporarySite.posting(lines.joined(separator: "\n"))
    }

    func history(_ site: TemporarySite) throws -> [BuildHistory.Point] {
        BuildHistory.decode(try Data(contentsOf: site.root.appendingPathComponent(".jobfeed/history.jsonl"))).history.points
    }

    @Test func aBuildThatChangesAnOutputAddsAPointAndANoOpDoesNot() throws {
        let site = try TemporarySite(postings: ["en/a.md": Self.posting("A", closingInDays: 30)])
        defer { site.remove() }
        let first = try site.build(now: Self.now)
        // Every language asked is counted, one without postings too, as `activeCount` counts it.
        #expect(first.catalog.activeCounts(in: ["en", "fr", "de"]) == ["en": 1, "fr": 0, "de": 0])
        #expect(first.catalog.activeCount(in: "en") == 1)
        _ = try site.build(now: Timestamp(seconds: Self.now.seconds + 60))
        #expect(try history(site) == [BuildHistory.Point(at: Self.now.seconds, active: ["en": 1, "fr": 0])])
        try site.write("postings/fr/b.md", Self.posting("B", closingInDays: 30))
        _ = try site.build(now: Timestamp(seconds: Self.now.seconds + Self.day))
        #expect(try history(site).map(\.active) == [["en": 1, "fr": 0], ["en": 1, "fr": 1]])
    }

    @Test func theHistoryIsBoundedNeverRunsBackwardsAndDropsDamagedLines() {
        var history = BuildHistory()
        for index in 0..<(BuildHistory.limit + 10) { history.record(BuildHistory.Point(at: Int64(index), active: ["en": index])) }
        #expect(history.points.count == BuildHistory.limit && history.points.first?.at == 10)
        history.record(BuildHistory.Point(at: 100, active: ["en": 0]))
        #expect(history.points.last == BuildHistory.Point(at: 100, active: ["en": 0]) && history.points.count == 91)
        var damaged = history.encoded()
        damaged.append(Data("{\"at\": \"torn\n".utf8))
        let decoded = BuildHistory.decode(damaged)
        #expect(decoded.history == history && decoded.damagedLines == 1)
    }

    @Test func thePageListsJobsClosingSoonFirstAndWhatGoogleLacks() throws {
        let site = try TemporarySite(postings: [
            "en/later.md": Self.posting("Closes later", closingInDays: 30),
            "en/open.md": Self.posting("Open until filled", closingInDays: nil, salary: false),
            "en/soon.md": Self.posting("Closes soon", closingInDays: 3),
        ])
        defer { site.remove() }
        let publisher = Publisher(config: try site.config(), now: Self.now)
        let page = site.root.appendingPathComponent("status.html")
        try publisher.writeStatusPage(try publisher.statusReport(), to: page)
        let html = try String(contentsOf: page, encoding: .utf8)
        let order = ["Closes soon", "Closes later", "Open until filled"].map { html.range(of: ">\($0)</a>")?.lowerBound }
        #expect(order.allSatisfy { $0 != nil } && order[0]! < order[1]! && order[1]! < order[2]!)
        #expect(html.components(separatedBy: "<tr class=\"soon\">").count == 2)
        #expect(html.contains("<td id=\"count-en-active\" data-count=\"3\">3</td>"))
        // Only the posting with no salary and no closing date lacks Google's recommended properties.
        #expect(html.contains("<th scope=\"row\">Open until filled</th>") && html.contains("<td>baseSalary, validThrough</td>"))
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en-CA\">"))
    }

    @Test func nothingAPostingContainsBreaksOutOfThePage() throws {
        let hostile = "Engineer</style></td><script>alert(1)</script> & \\\"quoted\\\" <img src=x onerror=alert(2)>"
        let site = try TemporarySite(postings: ["en/a.md": TemporarySite.posting("title: \"\(hostile)\"\ndate: 2026-01-01")])
        defer { site.remove() }
        let publisher = Publisher(config: try site.config(), now: Self.now)
        let page = site.root.appendingPathComponent("status.html")
        try publisher.writeStatusPage(try publisher.statusReport(), to: page)
        let html = try String(contentsOf: page, encoding: .utf8)
        #expect(html.contains("Engineer&lt;/style&gt;&lt;/td&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot; &lt;img"))
        #expect(!html.lowercased().contains("<script") && !html.lowercased().contains("<img"))
        // The style sheet is raw text in HTML, where an escaped character would stay escaped.
        #expect(html.contains("font: 16px/1.5 system-ui, -apple-system, Segoe UI"))
    }

    @Test func theReportIsRefusedInsideAPublishedFolder() throws {
        let site = try TemporarySite(postings: ["en/a.md": Self.posting("A", closingInDays: 30)])
        defer { site.remove() }
        let publisher = Publisher(config: try site.config(), now: Self.now)
        let inside = site.root.appendingPathComponent("exports/report.html")
        #expect(throws: DiagnosticError.self) { try publisher.writeStatusPage(try publisher.statusReport(), to: inside) }
        #expect(!FileManager.default.fileExists(atPath: inside.path))
    }

    @Test func aWatcherKeepsThePageCurrent() async throws {
        let site = try TemporarySite(postings: ["en/a.md": Self.posting("First job", closingInDays: 30)])
        let page = site.root.appendingPathComponent("status.html")
        let watch = WatchHarness(site: site, statusPage: page)
        defer { site.remove() }
        try await watch.run {
            await watch.waitForRebuild(after: 0)
            #expect(try String(contentsOf: page, encoding: .utf8).contains("First job"))
            try site.write("postings/en/b.md", Self.posting("Second job", closingInDays: 30))
            try #require(await watch.waitForRebuild(after: 1) != nil)
            #expect(try String(contentsOf: page, encoding: .utf8).contains("Second job"))
        }
    }
}
