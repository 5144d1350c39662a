import JobFeedCore
import Yams

extension HugoCascades {
    /// The `cascade` of Hugo's site config, by language: a language's own
    /// (`[languages.fr.cascade]`) in place of the site's, as Hugo 0.111 takes it, and for every
    /// page of that language, below every section page's (the home page's wins over it).
    /// Nothing for a config whose text never says "cascade"; diagnostics for one that may hold
    /// a cascade and cannot be read.
    static func siteCascades(of file: SiteFile, languages: [String], diagnostics: inout [Diagnostic]) -> [String: [Entry]] {
        guard file.text.lowercased().contains("cascade") else { return [:] }
        var source = YAMLSource(file: file.displayPath, lineOffset: 0)
        var yaml = file.text
        if file.path.lowercased().hasSuffix(".toml") {
            do {
                let translated = TOMLDocument.yaml(try TOMLDocument.parse(file.text))
                (yaml, source.translated) = (translated.text, translated.positions)
            } catch {
                diagnostics.append(.error("invalid TOML: \(error.message)", at: SourceLocation(file: file.displayPath, line: error.position.line, column: error.position.column)))
                return [:]
            }
        }
        let root: Node.Mapping
        switch source.compose(yaml) {
        case let .success(node?): root = node.mapping ?? [:]
        case .success(nil): return [:]
        case let .failure(error):
            diagnostics += error.diagnostics
            return [:]
        }
        let siteWide = entries(of: value(of: "cascade", in: root), source: source, diagnostics: &diagnostics)
        let languageTables = value(of: "languages", in: root)?.mapping ?? [:]
        var cascades: [String: [Entry]] = [:]
        for language in languages {
            let table = languageTables.first { $0.key.scalarText?.lowercased() == language.lowercased() }?.value.mapping
            let own = table.flatMap { value(of: "cascade", in: $0) }
            cascades[language] = own.map { entries(of: $0, source: source, diagnostics: &diagnostics) } ?? siteWide
        }
        return cascades.filter { !$0.value.isEmpty }
    }

    /// Hugo's config keys are read in any case.
    private static func value(of key: String, in mapping: Node.Mapping) -> Node? {
        mapping.first { $0.key.scalarText?.lowercased() == key }?.value
    }
}
