import Testing
import JobFeed

/// An alias as a key, or anywhere inside a key, is refused where it stands, in every syntax
/// libyaml reads one; aliases as values, and `*` that is not an alias, still read. The anchors
/// here are small, so without the guard Yams would compose each refused text without error.
@Suite struct AliasKeyGuardTests {
    private let source = YAMLSource(file: "a.md", lineOffset: 1)

    @Test(arguments: [
        ("a: &a x\n*a : y", 2, 1),
        ("a: &a x\nb: {*a: y}", 2, 5),
        ("a: &a x\nb: [*a:y]", 2, 5),
        ("a: &a x\nb: [*a :y]", 2, 5),
        ("a: &a x\nb: {*a:y}", 2, 5),
        ("a: &a x\nb: [{k: v, *a:y}]", 2, 12),
        ("a: &a x\nb: {[laughs, *a:y]: yes}", 2, 14),
        ("a: &a x\nb: {{*a: y}: z}", 2, 6),
        ("a: &a x\nb:\n  ? [*a:y]\n  : z", 3, 6),
        ("a: &a x\nb:\n  ? - c\n    - *a\n  : z", 4, 7),
        ("a: &a x\nb: {*a: 1, *a: 2}", 2, 5),
    ])
    func anAliasInAKeyIsRefusedWhereItStands(yaml: String, line: Int, column: Int) {
        let result = source.compose(yaml)
        guard case let .failure(error) = result else {
            Issue.record("composed: \(yaml)")
            return
        }
        #expect(error.diagnostics.map(\.message) == ["an alias (*name) cannot be a key; write the key out"])
        #expect(error.diagnostics.map(\.location) == [SourceLocation(file: "a.md", line: line + 1, column: column)])
    }

    @Test(arguments: [
        "a: &a x\nb: *a",
        "a: &a x\nb: [*a, *a]",
        "a: &a x\nb: {k: *a}",
        "a: &a [x]\nb: {[laughs, x:y]: yes, k: *a}",
        "a: \"*a: b\"\nb: '{*a: c}'",
        "a: |\n  *a: b\n  [*a:c]",
        "a: 5 * 3 = 15",
    ])
    func aliasesAsValuesAndStarsThatAreNotAliasesRead(yaml: String) throws {
        let node = try source.compose(yaml).get()
        #expect(node != nil)
    }
}
