import Testing
import JobFeed

@Suite struct YAMLSourceTests {
    private let source = YAMLSource(file: "a.md", lineOffset: 1)

    /// libyaml stops at its nesting limit with words meant for C programmers; the diagnostic
    /// says what the limit is, where the text passes it (its first `[` for a flow sequence,
    /// as libyaml scans the whole run of them before it parses the first).
    @Test(arguments: [("[", "]"), ("{a: ", "}")])
    func nestingPastLibyamlsLimitIsRefusedInPlainWords(open: String, close: String) {
        let depth = 1_500
        let yaml = "title: x\nx: " + String(repeating: open, count: depth) + String(repeating: close, count: depth)
        guard case let .failure(error) = source.compose(yaml) else {
            Issue.record("composed \(depth) levels")
            return
        }
        #expect(error.diagnostics.map { $0.message } == ["invalid YAML: lists and mappings nested deeper than YAML's parser allows (about 1,000 levels); flatten them"])
        #expect(error.diagnostics.map { $0.line } == [3])
    }

    @Test func nestingUpToTheLimitReads() throws {
        let depth = 998
        let yaml = "x: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        #expect(try source.compose(yaml).get() != nil)
    }
}
