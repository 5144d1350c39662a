/// Pairs postings across languages by `translationKey`; two postings with one key in one
/// language is an error, reported on the later file, which is left out.
struct TranslationPairing {
    let languages: [String]
    private(set) var diagnostics: [Diagnostic] = []

    init(languages: [String]) {
        self.languages = languages
    }

    mutating func pair(_ postings: [Posting]) -> [Posting] {
        var firstByKey: [String: Posting] = [:]
        var firstBySlug: [String: Posting] = [:]
        var kept: [Posting] = []
        for posting in postings.sorted(by: { $0.source.relativePath < $1.source.relativePath }) {
            let slugKey = posting.language + "/" + posting.slug
            if let earlier = firstBySlug[slugKey] {
                diagnostics.append(.error("slug '\(posting.slug)' is already used in '\(posting.language)' by \(earlier.source.displayPath); rename one file or set 'slug:'", at: posting.source.location(ofKey: "slug")))
                continue
            }
            if let key = posting.translationKey {
                let scoped = posting.language + "\u{0}" + key
                if let earlier = firstByKey[scoped] {
                    diagnostics.append(.error("translationKey '\(key)' is already used in '\(posting.language)' by \(earlier.source.displayPath); give each job its own key", at: posting.source.location(ofKey: "translationKey")))
                    continue
                }
                firstByKey[scoped] = posting
            }
            firstBySlug[slugKey] = posting
            kept.append(posting)
        }
        return kept
    }

    /// Fills each entry's translations: the entries in other languages sharing its key.
    func linkTranslations(_ entries: [CatalogEntry]) -> [CatalogEntry] {
        var byKey: [String: [CatalogEntry]] = [:]
        for entry in entries {
            if let key = entry.posting.translationKey { byKey[key, default: []].append(entry) }
        }
        return entries.map { entry in
            guard let key = entry.posting.translationKey else { return entry }
            var linked = entry
            linked.translations = (byKey[key] ?? [])
                .filter { $0.posting.language != entry.posting.language }
                .sorted { (languages.firstIndex(of: $0.posting.language) ?? .max) < (languages.firstIndex(of: $1.posting.language) ?? .max) }
                .map { Translation(language: $0.posting.language, url: $0.posting.url, status: $0.status) }
            return linked
        }
    }
}
