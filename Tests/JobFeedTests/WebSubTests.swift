import Foundation
import Testing
import JobFeed

/// WebSub: the feeds name the hub, and a build that changes a feed tells the hub, against a
/// hub this test starts on 127.0.0.1.
@Suite(.serialized) struct WebSubTests {
    /// A hub process, its port, and the log of the notices it received.
    final class Hub {
        let process = Process()
        let log: URL
        let port: Int

        init(statuses: String) throws {
            log = ScratchPath.unused("hub")
            try Data().write(to: log)
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", Repository.root.appendingPathComponent("Tests/consumers/websub_hub.py").path, log.path, statuses, "120"]
            let output = Pipe()
            process.standardOutput = output
            // Not the test runner's standard error: swift test waits for every holder of it
            // to close it, so a hub outliving its test held the whole run up to its 120 s.
            process.standardError = FileHandle.nullDevice
            try process.run()
            var line = Data()
            while let byte = try output.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data("\n".utf8) { line += byte }
            port = Int(String(decoding: line, as: UTF8.self)) ?? 0
        }

        var notices: [String] {
            String(decoding: (try? Data(contentsOf: log)) ?? Data(), as: UTF8.self).split(separator: "\n").map(String.init)
        }

        deinit {
            // SIGKILL: a watcher test's signal handling leaves SIGTERM ignored in this process,
            // and an ignored signal stays ignored in the children it starts.
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            try? FileManager.default.removeItem(at: log)
        }
    }

    func site(hub: Hub) throws -> TemporarySite {
        try TemporarySite(config: TemporarySite.standardConfig + "\nwebsub:\n  hub: http://127.0.0.1:\(hub.port)/\n", postings: BuildBehaviourTests.postings)
    }

    func build(_ site: TemporarySite) throws -> BuildReport {
        var publisher = Publisher(config: try site.config(), now: TemporarySite.now)
        publisher.hubRetryDelays = [0, 0]
        return try publisher.build()
    }

    @Test func theFeedsNameTheHubAndEachChangedFeedIsAnnounced() throws {
        let hub = try Hub(statuses: "204")
        #expect(hub.port > 0)
        let site = try site(hub: hub)
        defer { site.remove() }
        _ = try build(site)
        let hubURL = "http://127.0.0.1:\(hub.port)/"
        #expect(site.read("feeds/en/rss.xml")?.contains("<atom:link href=\"\(hubURL)\" rel=\"hub\"/>") == true)
        #expect(site.read("feeds/en/atom.xml")?.contains("<link rel=\"hub\" href=\"\(hubURL)\"/>") == true)
        #expect(site.read("feeds/en/feed.json")?.contains("\"hubs\":[{\"type\":\"WebSub\",\"url\":\"\(hubURL)\"}]") == true)
        #expect(Set(hub.notices) == Set(["en", "fr"].flatMap { language in
            ["rss.xml", "atom.xml", "feed.json"].map { "204 publish https://jobs.example.org/feeds/\(language)/\($0)" }
        }))
        try site.write("postings/en/writer.md", TemporarySite.posting("title: Writer, edited\ndate: 2026-02-01\nvalidThrough: 2026-12-31"))
        _ = try build(site)
        #expect(hub.notices.count == 9)
        #expect(hub.notices.suffix(3).allSatisfy { $0.contains("/feeds/en/") })
    }

    @Test func aHubThatFailsIsRetriedThenAWarningAndTheBuildStillPublishes() throws {
        let hub = try Hub(statuses: "500,500,204,500")
        let site = try site(hub: hub)
        defer { site.remove() }
        try site.write("jobfeed.yml", TemporarySite.standardConfig + "\nwebsub:\n  hub: http://127.0.0.1:\(hub.port)/\noutputs: [rss, jsonld]\n")
        let report = try build(site)
        #expect(!report.hasErrors)
        #expect(site.read("feeds/en/rss.xml") != nil)
        // en/rss.xml: 500, 500, then 204; fr/rss.xml: 500 three times, then a warning.
        #expect(hub.notices.count == 6)
        #expect(report.diagnostics.filter { $0.message.contains("the WebSub hub did not take the notice") }.count == 1)
    }
}
