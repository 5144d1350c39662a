import JobFeedCore
import Yams

/// Front matter a posting takes from elsewhere on its site, as its generator gives it: Hugo's
/// `cascade:` from section pages, Jekyll's `defaults:` from `_config.yml`. The posting's own
/// keys win; each key taken is recorded with the file it came from, for diagnostics.
package protocol InheritedFrontMatter: Sendable {
    var diagnostics: [Diagnostic] { get }
    var isEmpty: Bool { get }
    func apply(to mapping: Node.Mapping, file: PostingFile) -> (mapping: Node.Mapping, sources: [String: YAMLSource])
}

extension Config {
    /// What the site's conventions let postings inherit; nil on a site without conventions.
    package var inheritedFrontMatter: (any InheritedFrontMatter)? {
        switch conventions {
        case .hugo: return HugoCascades(self)
        case .jekyll: return JekyllDefaults(self)
        case .none: return nil
        }
    }
}
