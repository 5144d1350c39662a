/// Pairs postings across languages by `translationKey`.
///
/// A pairing problem never unpublishes a job. Copying an old posting to start a new one and
/// forgetting to change the key is the commonest edit careers sites see: two postings with one
/// key in one language are both published, each a job of its own, with a warning naming both.
/// Translations then pair by best match: the same archived/draft state first, then the nearest
/// dates, then path order. A slug used twice in one language (the same bytes) would be one URL
/// for two jobs: the later file in path order gets a slug of its own, stable as long as its path is
/// (`designer-3f9a2c`), with a warning.
package struct TranslationPairing {
    package let config: Config
    package private(set) var diagnostics: [Diagnostic] = []
    /// Each paired posting's translation group (numbered as they were found), by its place
    /// among the postings `pair` returned: looked up by place, where by path (hashing 50,000
    /// paths twice, each in memory of its own) made the catalog a build's longest one-core
    /// stretch at 50,000 postings.
    private var groups: [Int?] = []
    private var groupCount = 0

    package let languages: [String]
    /// Each language's place in the config, looked up in comparisons without touching `self`
    /// (a closure over `self` copied the whole config for every translation key).
    private let rank: [String: Int]

    package init(config: Config) {
        self.config = config
        languages = config.languageCodes
        rank = Dictionary(languages.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }

    package mutating func pair(_ postings: [Posting]) -> [Posting] {
        // A slug byte for byte: two that read alike in other code points are two pages to Hugo
        // and Jekyll, and two files.
        struct Page: Hashable {
            var language: String
            var slug: ExactPath
        }
        // Read in path order already, nearly always.
        var kept = postings.sortedUnlessInOrder { $0.source.relativePath.precedesExactly($1.source.relativePath) }
        // Slugs and keys in one pass: each posting's fields are in memory of their own, and at
        // 50,000 postings every pass over them missed the cache.
        var firstBySlug: [Page: Int] = [:]
        firstBySlug.reserveCapacity(kept.count)
        var byKey: [String: [Int]] = [:]
        byKey.reserveCapacity(kept.count)
        for index in kept.indices {
            let posting = kept[index]
            if let earlier = firstBySlug[Page(language: posting.language, slug: ExactPath(posting.slug))] {
                var unique = posting.slug + "-" + String(String(StableHash.fnv1a(posting.source.relativePath), radix: 16).prefix(6))
                while firstBySlug[Page(language: posting.language, slug: ExactPath(unique))] != nil { unique += "-2" }
                diagnostics.append(.warning("slug '\(posting.slug)' is already used in '\(posting.language)' by \(kept[earlier].source.displayPath); this posting is published as '\(unique)' (rename one file or set 'slug:')", at: posting.source.location(ofKey: "slug")))
                kept[index].relink(slug: unique, config: config)
            }
            firstBySlug[Page(language: kept[index].language, slug: ExactPath(kept[index].slug))] = index
            if let key = posting.translationKey { byKey[key, default: []].append(index) }
        }
        groups = Array(repeating: nil, count: kept.count)
        // Keys in any order (a group's number only tells its members apart); the warnings of
        // each key then in the order of the keys, as the site reads them.
        var warnings: [(key: String, diagnostics: [Diagnostic])] = []
        for (key, indices) in byKey {
            var found = warnAboutDuplicates(key, indices, in: kept)
            let matched = match(indices, in: kept)
            for group in matched {
                for index in group { groups[index] = groupCount }
                groupCount += 1
            }
            found += check(key, matched, in: kept)
            if !found.isEmpty { warnings.append((key, found)) }
        }
        diagnostics += warnings.sorted { $0.key < $1.key }.flatMap(\.diagnostics)
        return kept
    }

    /// Fills each entry's translations: the entries in other languages of its group. `places`
    /// are the entries' places among the postings `pair` returned, which they were made from.
    package func linkTranslations(_ entries: consuming [CatalogEntry], madeFrom places: [Int]) -> [CatalogEntry] {
        // Members kept as indices: copying every entry into its group cost more than the linking.
        let groupOf = places.map { groups[$0] }
        var members = [[Int]](repeating: [], count: groupCount)
        for (index, group) in groupOf.enumerated() {
            if let group { members[group].append(index) }
        }
        let rank = rank
        for (index, group) in groupOf.enumerated() {
            guard let group, members[group].count > 1 else { continue }
            let language = entries[index].posting.language
            // Most groups: a posting and its one translation, linked without the lists below
            // (two arrays made for each of 10,000 postings, a third of the catalog's linking).
            if members[group].count == 2 {
                let other = members[group][0] == index ? members[group][1] : members[group][0]
                if entries[other].posting.language != language { entries[index].translations = [Translation(of: entries[other])] }
                continue
            }
            var others = members[group].filter { entries[$0].posting.language != language }
            if others.count > 1 {
                others.sort { rank[entries[$0].posting.language, default: .max] < rank[entries[$1].posting.language, default: .max] }
            }
            entries[index].translations = others.map { Translation(of: entries[$0]) }
        }
        return entries
    }

    private func warnAboutDuplicates(_ key: String, _ sharing: [Int], in postings: [Posting]) -> [Diagnostic] {
        // Most keys: one posting in each of two languages.
        if sharing.count < 2 || sharing.count == 2 && postings[sharing[0]].language != postings[sharing[1]].language { return [] }
        var diagnostics: [Diagnostic] = []
        for language in languages {
            let same = sharing.map { postings[$0] }.filter { $0.language == language }
            guard let first = same.first else { continue }
            for other in same.dropFirst() {
                diagnostics.append(.warning("translationKey '\(key)' is also used in '\(language)' by \(first.source.displayPath); both are published as separate jobs, and translations pair by status and dates (give each job its own key)", at: other.source.location(ofKey: "translationKey")))
            }
        }
        return diagnostics
    }

    /// Splits the postings sharing a key (their places in `postings`, in path order) into
    /// translation groups of at most one posting per language: the first language's postings
    /// anchor the groups (in path order), and each other language's postings join the group
    /// whose anchor they match best, greedily.
    private func match(_ sharing: [Int], in postings: [Posting]) -> [[Int]] {
        // Most keys: one posting in each of two languages, which pair with each other.
        if sharing.count == 2, postings[sharing[0]].language != postings[sharing[1]].language {
            let (first, second) = (sharing[0], sharing[1])
            return rank[postings[first].language, default: .max] <= rank[postings[second].language, default: .max] ? [[first, second]] : [[second, first]]
        }
        let byLanguage = Dictionary(grouping: sharing) { postings[$0].language }
        let rank = rank
        let present = byLanguage.keys.sorted { rank[$0, default: .max] < rank[$1, default: .max] }
        guard let anchorLanguage = present.first else { return [] }
        var groups = byLanguage[anchorLanguage]!.sorted { postings[$0].source.relativePath.precedesExactly(postings[$1].source.relativePath) }.map { [$0] }
        for language in present.dropFirst() {
            let candidates = byLanguage[language]!
            var pairs: [(group: Int, posting: Int)] = []
            for group in groups.indices { for posting in candidates.indices { pairs.append((group, posting)) } }
            pairs.sort { Self.distance(postings[groups[$0.group][0]], postings[candidates[$0.posting]]) < Self.distance(postings[groups[$1.group][0]], postings[candidates[$1.posting]]) }
            var usedGroups = Set<Int>()
            var usedPostings = Set<Int>()
            for (group, posting) in pairs where !usedGroups.contains(group) && !usedPostings.contains(posting) {
                groups[group].append(candidates[posting])
                usedGroups.insert(group)
                usedPostings.insert(posting)
            }
            for posting in candidates.indices where !usedPostings.contains(posting) { groups.append([candidates[posting]]) }
        }
        return groups
    }

    /// How unlike two translations are: a different state first, then dates, then paths.
    private static func distance(_ left: Posting, _ right: Posting) -> (Int, Int64, Int64, ExactPath) {
        let state = (left.isArchived != right.isArchived ? 2 : 0) + (left.isDraft != right.isDraft ? 1 : 0)
        let closing = abs((left.validThrough?.seconds ?? 0) - (right.validThrough?.seconds ?? 0))
        return (state, abs(left.datePosted.seconds - right.datePosted.seconds), closing, ExactPath(right.source.relativePath))
    }

    /// Warns about a key with no partner, and about partners that disagree on whether the job
    /// is archived or when it closes: one language would stay online after the other closed.
    private func check(_ key: String, _ groups: [[Int]], in postings: [Posting]) -> [Diagnostic] {
        guard languages.count > 1 else { return [] }
        var diagnostics: [Diagnostic] = []
        for group in groups.lazy.map({ $0.map { postings[$0] } }) {
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
        return diagnostics
    }
}
