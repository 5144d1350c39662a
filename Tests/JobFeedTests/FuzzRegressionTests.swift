import Foundation
import Testing
@_spi(Fuzzing) import JobFeed

/// Replays the fuzzer's findings and every hostile fixture through the fuzz harness, so a
/// regression shows up in `swift test` without a fuzzer build.
@Suite struct FuzzRegressionTests {
    static let inputs: [String] = ["Fuzz", "Hostile"].flatMap { folder -> [String] in
        let url = Golden.fixtures.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { !$0.hasSuffix(".expected") && $0 != "README.md" }.map { "\(folder)/\($0)" }.sorted()
    }

    @Test(arguments: inputs)
    func everyInvariantHolds(input: String) throws {
        let data = try #require(FileManager.default.contents(atPath: Golden.fixtures.appendingPathComponent(input).path))
        #expect(FuzzHarness.violations(for: data) == [])
    }

    /// Each format's own invariants, found by the path of the file it wrote.
    @Test func theFormatsNoticeABrokenOutput() {
        let config = FuzzHarness.config
        let feeds = config.feedsDirectory.standardizedFileURL.path
        let exports = config.exportsDirectory.standardizedFileURL.path
        func problems(_ text: String, _ path: String) -> [String] {
            OutputFormats.violations(in: Data(text.utf8), at: path, config: config)
        }
        #expect(problems("<rss><channel></rss>", feeds + "/en/rss.xml") == ["rss.xml: not well-formed XML"])
        #expect(problems("{\"a\": \"</script>\"}", exports + "/jsonld/en/x.jsonld") == ["x.jsonld: holds a raw '<'"])
        #expect(problems("{", feeds + "/fr/feed.json") == ["feed.json: not JSON"])
        #expect(problems("a,b\r\n=1,2\r\n3\r\n", exports + "/postings.csv")
            == ["postings.csv: formula cell", "postings.csv: records of different widths [1, 2]"])
        // A comma before a combining mark still separates cells.
        #expect(problems("a,b\r\nx,\u{656}y\r\n", exports + "/postings.csv") == [])
        #expect(problems("x", exports + "/notes.txt") == ["notes.txt is not a file any output format writes"])
    }
}
