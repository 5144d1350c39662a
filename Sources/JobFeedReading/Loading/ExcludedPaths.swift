import Foundation

/// The config's `exclude:` patterns: files and folders below the postings folder that are not
/// postings (a `README.md`, a section's "how we hire" page). Matched as `.gitignore` matches
/// its simple patterns: one without a `/` against a file or folder's name at any depth, one
/// with a `/` against its path from the postings folder; `*`, `?` and `[…]` never cross a `/`,
/// and a trailing `/` is dropped.
package struct ExcludedPaths: Sendable {
    private let names: [String]
    private let paths: [String]

    package init(_ patterns: [String]) {
        let withoutTrailingSlash = patterns.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }.filter { !$0.isEmpty }
        names = withoutTrailingSlash.filter { !$0.contains("/") }
        paths = withoutTrailingSlash.filter { $0.contains("/") }.map { $0.hasPrefix("/") ? String($0.dropFirst()) : $0 }
    }

    /// `relativePath`: the path from the postings folder, ending in `name`.
    package func excludes(name: String, relativePath: String) -> Bool {
        names.contains { fnmatch($0, name, 0) == 0 } || paths.contains { fnmatch($0, relativePath, FNM_PATHNAME) == 0 }
    }

    /// Whether the file at `relativePath`, or a folder on the way to it, is excluded: what a
    /// walk that never entered that folder would say.
    package func excludes(relativePath: String) -> Bool {
        guard !names.isEmpty || !paths.isEmpty else { return false }
        var prefix = ""
        for component in relativePath.pathComponents().map(String.init) {
            prefix += prefix.isEmpty ? component : "/" + component
            if excludes(name: component, relativePath: prefix) { return true }
        }
        return false
    }
}
