/// Where a canonical field's value comes from in a site's front matter: keys tried in order,
/// each a path into nested maps (`location.city`), and, for a field whose values are the
/// site's own words (a `state: open|closed|upcoming`), what each word means to jobfeed.
public struct FieldSource: Sendable, Hashable {
    public var paths: [[String]]
    /// The site's values (trimmed, lowercased) mapped to jobfeed's; nil to take values as they are.
    public var values: [String: String]?

    public init(paths: [[String]], values: [String: String]? = nil) {
        self.paths = paths
        self.values = values
    }

    /// One key, or a dotted path into nested maps.
    public init(_ dotted: String) {
        self.init(paths: [Self.path(dotted)])
    }

    package static func path(_ dotted: String) -> [String] {
        dotted.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    }

    /// How the first key is written in messages (`closes`, `location.city`).
    package var name: String { paths.first?.joined(separator: ".") ?? "" }
}

/// The conventions of the site generator whose content jobfeed reads.
public enum SiteConventions: String, Sendable, CaseIterable {
    /// Canonical names only, as written.
    case none
    /// Hugo: `publishDate`, `expiryDate` (a bare date ends the page at the start of that day),
    /// `lastmod`, `draft`, `tags`/`categories`, keys in any case.
    case hugo
    /// Jekyll: `published: false` is a draft, `_drafts` is skipped, the date may come from a
    /// `YYYY-MM-DD-name.md` file name.
    case jekyll

    /// The sources a convention gives a field the config does not map itself.
    package func defaultSource(for field: PostingField) -> FieldSource? {
        switch (self, field) {
        case (.hugo, .date): return FieldSource(paths: [["publishDate"], ["date"]])
        case (.hugo, .updated): return FieldSource(paths: [["lastmod"], ["updated"]])
        case (.hugo, .validThrough): return FieldSource(paths: [["expiryDate"], ["validThrough"]])
        case (.hugo, .category): return FieldSource(paths: [["tags"], ["categories"], ["category"]])
        case (.jekyll, .category): return FieldSource(paths: [["tags"], ["categories"], ["category"]])
        case (.jekyll, .updated): return FieldSource(paths: [["last_modified_at"], ["updated"]])
        default: return nil
        }
    }

    /// Hugo reads keys in any case (`expirydate` expires a page like `expiryDate`).
    package var keysIgnoreCase: Bool { self == .hugo }
}
