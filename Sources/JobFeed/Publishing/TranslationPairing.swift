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
        checkPairs(kept)
        return kept
    }

    /// Warns about a key with no partner, and about partners that disagree on whether the job
    /// is archived or when it closes: one language would stay online after the other closed.
    private mutating func checkPairs(_ postings: [Posting]) {
        let groups = Dictionary(grouping: postings.filter { $0.translationKey != nil }) { $0.translationKey! }
        for (key, group) in groups.sorted(by: { $0.key < $1.key }) {
            guard languages.count > 1 else { break }
            guard let first = group.first, group.count > 1 else {
                if let alone = group.first {
                    diagnostics.append(.warning("translationKey '\(key)' has no translation in \(languages.filter { $0 != alone.language }.joined(separator: ", ")); add one or remove the key", at: alone.source.location(ofKey: "translationKey")))
                }
                continue
            }
            for other in group.dropFirst() {
                if other.isArchived != first.isArchived {
                    diagnostics.append(.warning("this posting is\(other.isArchived ? "" : " not") archived but its translation \(first.source.displayPath) is\(first.isArchived ? "" : " not"); archive both or neither", at: other.source.location(ofKey: "archived")))
                }
                if other.validThrough != first.validThrough {
                    diagnostics.append(.warning("this posting's closing date differs from its translation's (\(first.source.displayPath)); give both the same date", at: other.source.location(ofKey: "validThrough")))
                }
            }
        }
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
