import Foundation
import JobFeedCore
import Yams

/// Reads canonical fields from one posting's front matter, where the site's mapping says they
/// are (a key, a dotted path into nested maps, the first of several keys; in any case on Hugo
/// sites), falling back to the config's defaults, and records a diagnostic at the key's line
/// for every value it cannot use.
package struct FieldReader {
    package let frontMatter: Node.Mapping
    /// The front matter's values by key: `Node.Mapping`'s own subscript scans every pair and
    /// resolves YAML tags to compare keys, which dominated profiles.
    package let values: [String: Node]
    /// The same, by key folded to lower case when the site's keys match in any case.
    private let lookup: [String: Node]
    package let config: Config
    /// The config's defaults as nodes, made once per build.
    private let defaults: [PostingField: Node]
    /// Each field's own value and the key it was found under (see `own`), found once: a field
    /// is asked for several times a posting (its node, its key for the lines of diagnostics,
    /// its location), and each time its paths were resolved anew (2.6% of a cold build's
    /// samples at 10,000 postings).
    private let owned: [PostingField: (node: Node, key: String)]
    package let source: YAMLSource
    /// The file each inherited key came from (a Hugo section page's `cascade:`, Jekyll's
    /// `defaults:`; see `InheritedFrontMatter`), by key in lower case.
    private let inherited: [String: YAMLSource]
    package let dates: DateParser
    package private(set) var diagnostics: [Diagnostic] = []
    /// What is in `diagnostics`: an aliased value is the same node wherever it is used, so a
    /// value that cannot be read, aliased nine times in a list, would give nine equal lines.
    private var recorded: Set<Diagnostic> = []

    /// Fields whose value may be a placeholder such as `tbd`.
    package static let placeholderFields: Set<PostingField> = [.date, .updated, .validThrough, .salary, .salaryMin, .salaryMax, .applyUrl]

    package init(frontMatter: Node.Mapping, config: Config, defaults: [PostingField: Node], source: YAMLSource, inherited: [String: YAMLSource] = [:]) {
        self.frontMatter = frontMatter
        var values: [String: Node] = [:]
        for (key, value) in frontMatter {
            if let name = key.scalarText { values[name] = value }
        }
        self.values = values
        if config.caseInsensitiveKeys {
            var folded: [String: Node] = [:]
            for (name, value) in values where folded[name.lowercased()] == nil { folded[name.lowercased()] = value }
            lookup = folded
        } else {
            lookup = values
        }
        self.config = config
        self.defaults = defaults
        self.source = source
        self.inherited = inherited
        self.dates = DateParser(timeZone: config.timeZone)
        var owned: [PostingField: (node: Node, key: String)] = [:]
        for field in PostingField.allCases {
            for path in config.source(for: field).paths {
                if let node = Self.resolve(path, in: lookup, folding: config.caseInsensitiveKeys), !node.isNull {
                    owned[field] = (node, path.joined(separator: "."))
                    break
                }
            }
        }
        self.owned = owned
    }

    /// Where a key's value was written: the posting, or the file it was inherited from (`key` a
    /// dotted path for a nested key, `params.location`).
    package func source(ofKey key: String) -> YAMLSource {
        guard !inherited.isEmpty else { return source }
        var path = key.lowercased()
        while true {
            if let found = inherited[path] { return found }
            guard let dot = path.lastIndex(of: ".") else { return source }
            path = String(path[..<dot])
        }
    }

    /// Whether a front-matter key was inherited rather than written in the posting.
    package func isInherited(_ key: String) -> Bool {
        // Most sites inherit nothing: no key lowered for nothing, for every key of every posting.
        !inherited.isEmpty && inherited[key.lowercased()] != nil
    }

    /// Where a field's value was written (see `source(ofKey:)`).
    package func source(for field: PostingField) -> YAMLSource {
        source(ofKey: key(field))
    }

    private func fold(_ key: String) -> String {
        Self.fold(key, config.caseInsensitiveKeys)
    }

    private static func fold(_ key: String, _ folding: Bool) -> String {
        folding ? key.lowercased() : key
    }

    /// The node at a path of keys into nested maps, null or not.
    private func resolve(_ path: [String]) -> Node? {
        Self.resolve(path, in: lookup, folding: config.caseInsensitiveKeys)
    }

    private static func resolve(_ path: [String], in lookup: [String: Node], folding: Bool) -> Node? {
        guard let first = path.first, var node = lookup[fold(first, folding)] else { return nil }
        for key in path.dropFirst() {
            let wanted = fold(key, folding)
            guard let mapping = node.mapping,
                  let next = mapping.first(where: { fold($0.key.scalarText ?? "", folding) == wanted })?.value else { return nil }
            node = next
        }
        return node
    }

    /// The posting's own value for a field, and the key it was found under; nil when absent
    /// or null.
    package func own(_ field: PostingField) -> (node: Node, key: String)? {
        owned[field]
    }

    /// A front-matter key's own value (in any case where the site's keys match so), non-null.
    package func raw(_ key: String) -> Node? {
        resolve([key]).flatMap { $0.isNull ? nil : $0 }
    }

    /// The key as written in this site's front matter.
    package func key(_ field: PostingField) -> String { own(field)?.key ?? config.sourceKey(for: field) }

    /// The field's node: the posting's own value, else the config default.
    package func node(_ field: PostingField) -> Node? {
        own(field)?.node ?? defaults[field]
    }

    package func location(_ field: PostingField) -> SourceLocation {
        if let own = own(field) { return source(ofKey: own.key).location(of: own.node) }
        if let (path, written) = config.source(for: field).paths.lazy.compactMap({ path in resolve(path).map { (path, $0) } }).first {
            return source(ofKey: path.joined(separator: ".")).location(of: written)
        }
        return source.location(of: nil)
    }

    /// A canonical key the site's mapping does not read (`validThrough:` on a site whose closing
    /// dates are `closes:`) would be ignored without a word: say so.
    package mutating func warnAboutUnreadCanonicalKeys() {
        for field in PostingField.allCases where !config.readKeys.contains(fold(field.rawValue)) {
            guard let node = lookup[fold(field.rawValue)] else { continue }
            record(.warning("'\(field.rawValue)' is not read on this site: the config takes \(field.rawValue) from '\(config.sourceKey(for: field))' (fields:); rename this key or remove it", at: source(ofKey: field.rawValue).location(of: node)))
        }
    }

    package mutating func error(_ field: PostingField, _ message: String) {
        record(.error(message, at: location(field)))
    }

    package mutating func warning(_ field: PostingField, _ message: String) {
        record(.warning(message, at: location(field)))
    }

    package mutating func record(_ diagnostic: Diagnostic) {
        guard recorded.insert(diagnostic).inserted else { return }
        diagnostics.append(diagnostic)
    }

    package mutating func record(contentsOf more: [Diagnostic]) {
        for diagnostic in more { record(diagnostic) }
    }
}

extension Node {
    package var isNull: Bool {
        guard case let .scalar(scalar) = self else { return false }
        return scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }
}

