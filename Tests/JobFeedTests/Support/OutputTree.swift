import Foundation

/// Every file below a folder, by relative path, for comparing whole output trees.
enum OutputTree {
    static func files(below root: URL) -> [String: Data] {
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else { return [:] }
        var files: [String: Data] = [:]
        let prefix = root.resolvingSymlinksInPath().path + "/"
        for case let url as URL in walker {
            // jobfeed's own state (the lock, last-good copies) is not an output.
            if url.lastPathComponent.hasPrefix(".") {
                walker.skipDescendants()
                continue
            }
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let path = url.resolvingSymlinksInPath().path
            files[String(path.dropFirst(prefix.count))] = FileManager.default.contents(atPath: path)
        }
        return files
    }

    static func modificationDates(below root: URL) -> [String: Date] {
        var dates: [String: Date] = [:]
        for path in files(below: root).keys {
            dates[path] = try? FileManager.default.attributesOfItem(atPath: root.appendingPathComponent(path).path)[.modificationDate] as? Date
        }
        return dates
    }
}
