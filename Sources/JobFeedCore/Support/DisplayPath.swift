import Foundation

/// Paths as printed in diagnostics: relative to the working folder when below it, else absolute.
package enum DisplayPath {
    package static func of(_ url: URL) -> String {
        of(path: url.standardizedFileURL.path)
    }

    /// For a path that is already absolute and standardized.
    package static func of(path: String) -> String {
        Relative().of(path: path)
    }

    /// Paths relative to the working folder as it is now, asked of the system once (the
    /// output writer names thousands of files at a time).
    package struct Relative: Sendable {
        private let prefix = DisplayPath.workingFolderPrefix

        package init() {}

        package func of(path: String) -> String {
            path.afterBytes(prefix).map(String.init) ?? path
        }
    }

    private static var workingFolderPrefix: String {
        let current = FileManager.default.currentDirectoryPath
        return current.hasSuffix("/") ? current : current + "/"
    }
}
