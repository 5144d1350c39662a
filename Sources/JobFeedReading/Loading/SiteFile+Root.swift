import JobFeedCore
import Yams

extension SiteFile {
    /// A site generator's config as a mapping: TOML (by its extension) read as the YAML that
    /// holds the same tree, YAML and JSON as they are. Nil, with what cannot be read at its
    /// line, when it is not one; an empty file is an empty mapping.
    func root(diagnostics: inout [Diagnostic]) -> (mapping: Node.Mapping, source: YAMLSource)? {
        var source = YAMLSource(file: displayPath, lineOffset: 0)
        var yaml = text
        if path.lowercased().hasSuffix(".toml") {
            do {
                let translated = TOMLDocument.yaml(try TOMLDocument.parse(text))
                (yaml, source.translated) = (translated.text, translated.positions)
            } catch {
                diagnostics.append(.error("invalid TOML: \(error.message)", at: SourceLocation(file: displayPath, line: error.position.line, column: error.position.column)))
                return nil
            }
        }
        switch source.compose(yaml) {
        case let .success(node?): return (node.mapping ?? [:], source)
        case .success(nil): return ([:], source)
        case let .failure(error):
            diagnostics += error.diagnostics
            return nil
        }
    }
}

extension Node.Mapping {
    /// The value of a key read in any case, as Hugo reads its keys; `key` in lower case.
    func value(ofKeyInAnyCase key: String) -> Node? {
        first { $0.key.scalarText?.lowercased() == key }?.value
    }
}
