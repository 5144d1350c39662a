import JobFeedCore
import Yams

extension HugoCascades {
    /// A section page's cascade: a mapping, or a list of them, each with its `_target`.
    /// Diagnostics for what cannot be read, at its line, when the page may hold a cascade; a
    /// page whose text never says "cascade" gives nothing, read or not (its front matter is
    /// for Hugo's templates, whatever jobfeed makes of it).
    static func entries(of page: SectionPage, diagnostics: inout [Diagnostic]) -> [Entry] {
        guard page.file.text.lowercased().contains("cascade") else { return [] }
        let whole = SourceLocation(file: page.file.displayPath)
        let frontMatter: FrontMatter
        switch FrontMatter.split(page.file.text) {
        case let .success(split): frontMatter = split
        case .failure(.empty), .failure(.missing): return []
        case let .failure(failure):
            diagnostics.append(PostingParser.diagnostic(for: failure, at: whole))
            return []
        }
        let source = frontMatter.source(file: page.file.displayPath)
        let root: Node
        switch source.compose(frontMatter.yaml) {
        case let .success(node?): root = node
        case .success(nil): return []
        case let .failure(error):
            diagnostics += error.diagnostics
            return []
        }
        return entries(of: root.mapping?.value(ofKeyInAnyCase: "cascade"), source: source, diagnostics: &diagnostics)
    }

    /// The entries of a `cascade` value, as a section page or the site's config holds it.
    static func entries(of cascade: Node?, source: YAMLSource, diagnostics: inout [Diagnostic]) -> [Entry] {
        guard let cascade, !cascade.isNull else { return [] }
        let items: [Node]
        switch cascade {
        case .mapping: items = [cascade]
        case let .sequence(sequence): items = Array(sequence)
        default: items = []
        }
        var entries: [Entry] = []
        for item in items {
            guard let mapping = item.mapping else {
                diagnostics.append(.error("'cascade' must be a mapping of front-matter keys, or a list of them", at: source.location(of: item)))
                continue
            }
            var values = Node.Mapping([])
            var target = Target()
            for (key, value) in mapping {
                guard let name = key.scalarText?.lowercased(), name == "_target" || name == "target" else {
                    values[key] = value
                    continue
                }
                readTarget(value, into: &target, source: source, diagnostics: &diagnostics)
            }
            entries.append(Entry(values: values, target: target, source: source))
        }
        return entries
    }

    /// Reads `_target`'s globs into `target`.
    private static func readTarget(_ node: Node, into target: inout Target, source: YAMLSource, diagnostics: inout [Diagnostic]) {
        guard let mapping = node.mapping else {
            diagnostics.append(.error("'_target' must be a mapping of path, kind, lang and environment globs", at: source.location(of: node)))
            return
        }
        for (key, value) in mapping {
            let name = key.scalarText?.lowercased() ?? ""
            guard let pattern = value.scalarText else {
                diagnostics.append(.error("'_target.\(name)' must be a single glob such as /jobs/**", at: source.location(of: value)))
                continue
            }
            guard let glob = HugoGlob(name == "path" ? pattern.lowercased() : pattern, separator: name == "path" ? "/" : nil) else {
                diagnostics.append(.error("'_target.\(name)' is not a glob Hugo reads: '\(pattern)' (an unclosed '[' or '{')", at: source.location(of: value)))
                continue
            }
            switch name {
            case "path": target.path = glob
            case "kind": target.kind = glob
            case "lang": target.language = glob
            case "environment": target.environment = glob
            default:
                diagnostics.append(.error("unknown '_target' key '\(key.scalarText ?? "")'; Hugo's are path, kind, lang and environment", at: source.location(of: key)))
            }
        }
    }
}
