import Foundation

/// Paths as printed in diagnostics: relative to the working folder when below it, else absolute.
enum DisplayPath {
    static func of(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        let current = FileManager.default.currentDirectoryPath
        let prefix = current.hasSuffix("/") ? current : current + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
