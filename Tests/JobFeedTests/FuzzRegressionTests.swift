import Foundation
import Testing
@_spi(Fuzzing) @testable import JobFeed

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

    @Test func theHarnessNoticesABrokenOutput() {
        #expect(FuzzHarness.violations(in: Data("<rss><channel></rss>".utf8), named: "rss.xml") == ["rss.xml is not well-formed XML"])
        #expect(FuzzHarness.violations(in: Data("{\"a\": \"</script>\"}".utf8), named: "x.jsonld") == ["x.jsonld holds a raw '<'"])
        #expect(FuzzHarness.csvViolations("a,b\r\n=1,2\r\n3\r\n") == ["formula cell", "records of different widths [1, 2]"])
        // A comma before a combining mark still separates cells.
        #expect(FuzzHarness.csvViolations("a,b\r\nx,\u{656}y\r\n") == [])
    }
}
