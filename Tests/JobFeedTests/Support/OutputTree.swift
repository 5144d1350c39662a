import Foundation

/// Every file below a folder, by relative path, for comparing whole output trees.
enum OutputTree {
    static func files(below root: URL) -> [String: Data] {
        // Hidden files count: nothing of jobfeed's own may sit in a published folder.
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else { return [:] }
        var files: [String: Data] = [:]
        let prefix = root.resolvingSymlinksInPath().path + "/"
        for case let url as URL in walker {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let path = url.resolvingSymlinksInPath().path
            files[String(path.dropFirst(prefix.count))] = FileManager.default.contents(atPath: path)
        }
        return files
    }

    /// The published files of a site (its `feeds/` and `exports/`), by path from the site's root.
    static func published(below site: URL) -> [String: Data] {
        files(below: site).filter { $0.key.hasPrefix("feeds/") || $0.key.hasPrefix("exports/") }
    }

    static func modificationDates(below root: URL) -> [String: Date] {
        var dates: [String: Date] = [:]
        for path in files(below: root).keys {
            dates[path] = try? FileManager.default.attributesOfItem(atPath: root.appendingPathComponent(path).path)[.modificationDate] as? Date
        }
        return dates
    }
}
