import Foundation
import JobFeedCore
import Yams

/// Jekyll's `exclude:` in `_config.yml`, under `conventions: jekyll`: what the site leaves out
/// is no page, so no posting. Each pattern is matched as Jekyll's `EntryFilter` matches it,
/// against the path from the site's folder: as a glob whose `*` crosses `/`, or as the start of
/// the path (`_jobs/old` leaves out `_jobs/older.md` too), or a folder's path with a `/`.
/// A pattern `include:` names as written is not excluded.
package struct JekyllExclusions: Sendable {
    private let patterns: [String]
    /// The postings folder's path from the site's folder, with a trailing `/`.
    private let prefix: String

    /// Nil when the site excludes nothing, or its postings are not below its folder.
    package init?(_ config: Config) {
        guard let file = config.generatorConfig(of: .jekyll) else { return nil }
        let site = URL(fileURLWithPath: file.path).deletingLastPathComponent().resolvingSymlinksInPath().path
        let postings = config.postingsDirectory.resolvingSymlinksInPath().path
        guard postings.isAtOrBelow(site),
              let root = try? YAMLSource.compose(yaml: file.text)?.mapping else { return nil }
        let list = { (key: String) in root.first { $0.key.scalarText == key }?.value.scalarList ?? [] }
        let included = Set(list("include"))
        patterns = list("exclude").filter { !$0.isEmpty && !included.contains($0) }
            .map { $0.hasPrefix("/") ? String($0.dropFirst()) : $0 }
        guard !patterns.isEmpty else { return nil }
        prefix = postings.relative(below: site).map { $0 + "/" } ?? ""
    }

    /// `relativePath`: from the postings folder.
    package func excludes(relativePath: String, isFolder: Bool) -> Bool {
        let path = prefix + relativePath
        return patterns.contains { pattern in
            fnmatch(pattern, path, 0) == 0 || path.hasPrefix(pattern) || isFolder && pattern == path + "/"
        }
    }
}
