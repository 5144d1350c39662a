import Foundation
import JobFeedCore
import Yams

/// What the front matter of a site's postings holds, key by key (nested maps as dotted paths,
/// `location.city`): how many files have each key, and samples of its values.
package struct FrontMatterSurvey {
    package struct Key {
        package var name: String
        package var files = 0
        /// Distinct values as written, in the order first seen (at most `sampleLimit`).
        package var samples: [String] = []
        package var distinct: Set<String> = []
        package var isMapping = false
        package var isList = false
    }

    package static let sampleLimit = 40
    package private(set) var keys: [String: Key] = [:]
    package private(set) var files = 0
    /// Language codes that posting paths name by folder or suffix (`fr/`, `x.fr.md`).
    package private(set) var pathLanguages: [String: Int] = [:]
    /// Markdown files with no front matter at all (a `README.md`): not postings, by their paths
    /// from `root`.
    package private(set) var withoutFrontMatter: [String] = []

    /// Reads up to `limit` posting files below `root`, each with what it inherits (a Hugo
    /// section's `cascade:`, Jekyll's `defaults:`): a place every job inherits is a field to map.
    package init(root: URL, candidateLanguages: [String], exclude: [String] = [], inherited: (any InheritedFrontMatter)? = nil, limit: Int = 500) {
        var discovery = PostingDiscovery(root: root, languages: candidateLanguages, exclude: exclude)
        for file in ((try? discovery.files()) ?? []).prefix(limit) {
            guard let data = FileManager.default.contents(atPath: file.absolutePath) else { continue }
            let split = FrontMatter.split(String(decoding: data, as: UTF8.self))
            if case .failure(.missing) = split { withoutFrontMatter.append(file.path.relativePath) }
            guard case let .success(split) = split, let node = try? YAMLSource.compose(yaml: split.yaml), let mapping = node.mapping else { continue }
            files += 1
            if let language = file.path.language { pathLanguages[language, default: 0] += 1 }
            record(inherited?.apply(to: mapping, file: file).mapping ?? mapping, prefix: "")
        }
    }

    private mutating func record(_ mapping: Node.Mapping, prefix: String) {
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalarText else { continue }
            let name = prefix.isEmpty ? key : prefix + "." + key
            var entry = keys[name] ?? Key(name: name)
            entry.files += 1
            switch value {
            case let .mapping(nested):
                entry.isMapping = true
                // One level down, two under Hugo's `params` (`params.location.city`).
                if prefix.isEmpty || prefix.lowercased() == "params" { record(nested, prefix: name) }
            case .sequence:
                entry.isList = true
                for item in value.scalarList ?? [] { sample(item, into: &entry) }
            default:
                if !value.isNull, let text = value.scalarText { sample(text, into: &entry) }
            }
            keys[name] = entry
        }
    }

    private func sample(_ text: String, into entry: inout Key) {
        let value = text.trimmed
        guard !value.isEmpty, entry.distinct.count < Self.sampleLimit, entry.distinct.insert(value).inserted else { return }
        entry.samples.append(value)
    }

    /// Keys in the order a person reads them: most common first.
    package var ordered: [Key] {
        keys.values.sorted { ($0.files, $1.name) > ($1.files, $0.name) }
    }
}
