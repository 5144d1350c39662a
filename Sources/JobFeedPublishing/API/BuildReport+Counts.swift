import JobFeedCore

extension BuildReport {
    public struct Counts: Sendable, Codable, Hashable {
        package var byLanguage: [String: [String: Int]] = [:]
        package var translationPairs = 0

        package init() {}

        /// Postings counted by language and status as they are met, in arrays, the table made at
        /// the end: keyed as it is for every posting, its two strings hashed 20,000 times came to
        /// 3 ms of a cron build's last stretch, on one core, at 10,000 postings.
        package struct Tally {
            // Taken once: `allCases` makes its array anew each time it is asked.
            fileprivate let statuses = PostingStatus.allCases
            fileprivate var languages: [String] = []
            fileprivate var tallies: [[Int]] = []

            package init() {}

            package mutating func add(_ status: PostingStatus, in language: String) {
                var index = languages.lastIndex(of: language)
                if index == nil {
                    languages.append(language)
                    tallies.append(Array(repeating: 0, count: statuses.count))
                    index = languages.count - 1
                }
                tallies[index!][statuses.firstIndex(of: status)!] += 1
            }
        }

        /// Every posting read counts, drafts and scheduled ones too; pairs are the catalog's.
        package init(_ catalog: Catalog, postings: [Posting]) {
            var tally = Tally()
            for posting in postings { tally.add(PostingStatus(posting, now: catalog.now), in: posting.language) }
            self.init(tally, catalog: catalog)
        }

        /// The counts of `tally`, taken of every posting read, and the pairs of `catalog`.
        package init(_ tally: Tally, catalog: Catalog) {
            for (language, counts) in zip(tally.languages, tally.tallies) {
                for (status, count) in zip(tally.statuses, counts) where count > 0 { byLanguage[language, default: [:]][status.rawValue] = count }
            }
            // A group is the same set of pages seen from each of its members (one per language):
            // counted once, at the member that sorts first by URL, then language.
            translationPairs = catalog.entries.count { entry in
                let url = entry.posting.url, language = entry.posting.language
                return !entry.translations.isEmpty && entry.translations.allSatisfy { (url, language) < ($0.url, $0.language) }
            }
        }
    }
}
