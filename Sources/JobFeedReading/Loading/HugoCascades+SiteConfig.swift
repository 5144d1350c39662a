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
        guard let (root, source) = file.root(diagnostics: &diagnostics) else { return [:] }
        let siteWide = entries(of: root.value(ofKeyInAnyCase: "cascade"), source: source, diagnostics: &diagnostics)
        let languageTables = root.value(ofKeyInAnyCase: "languages")?.mapping ?? [:]
        var cascades: [String: [Entry]] = [:]
        for language in languages {
            let table = languageTables.value(ofKeyInAnyCase: language.lowercased())?.mapping
            let own = table?.value(ofKeyInAnyCase: "cascade")
            cascades[language] = own.map { entries(of: $0, source: source, diagnostics: &diagnostics) } ?? siteWide
        }
        return cascades.filter { !$0.value.isEmpty }
    }
}
