import JobFeedCore

/// Hugo's `ignoreFiles` in its site config, under `conventions: hugo`: regular expressions
/// for the content files Hugo makes no page for, so no posting. Hugo 0.111 matches each against
/// a file's or folder's absolute path, as it is (checked with `hugo list`: `sub$` leaves out a
/// folder `sub` and all below it; `^content/` matches nothing).
package struct HugoIgnoredFiles: @unchecked Sendable {
    // `@unchecked`: a compiled `Regex` is immutable, but does not declare `Sendable`.
    private let patterns: [Regex<AnyRegexOutput>]
    package private(set) var diagnostics: [Diagnostic] = []

    /// Nil when the site ignores nothing; with diagnostics for a pattern that is not a regular
    /// expression (a build stops on them: what it was meant to leave out would be published).
    package init?(_ config: Config) {
        guard let file = config.generatorConfig(of: .hugo), file.text.lowercased().contains("ignorefiles") else { return nil }
        var diagnostics: [Diagnostic] = []
        guard let (root, source) = file.root(diagnostics: &diagnostics), let list = root.value(ofKeyInAnyCase: "ignorefiles") else { return nil }
        var patterns: [Regex<AnyRegexOutput>] = []
        for item in list.sequence.map(Array.init) ?? [list] {
            guard let text = item.scalarText else {
                diagnostics.append(.error("'ignoreFiles' must be a list of regular expressions", at: source.location(of: item)))
                continue
            }
            do {
                patterns.append(try Regex(text))
            } catch {
                diagnostics.append(.error("'ignoreFiles' holds '\(text)', which is not a regular expression: \(error)", at: source.location(of: item)))
            }
        }
        guard !patterns.isEmpty || !diagnostics.isEmpty else { return nil }
        self.patterns = patterns
        self.diagnostics = diagnostics
    }

    package func excludes(absolutePath: String) -> Bool {
        patterns.contains { absolutePath.contains($0) }
    }
}
