import Foundation

/// Paths as printed in diagnostics: relative to the working folder when below it, else absolute.
package enum DisplayPath {
    package static func of(_ url: URL) -> String {
        of(path: url.standardizedFileURL.path)
    }

    /// For a path that is already absolute and standardized (the output writer's hot path).
    package static func of(path: String) -> String {
        let prefix = workingFolderPrefix
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    private static var workingFolderPrefix: String {
        let current = FileManager.default.currentDirectoryPath
        return current.hasSuffix("/") ? current : current + "/"
    }
}
