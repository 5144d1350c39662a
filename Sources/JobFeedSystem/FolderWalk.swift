import Foundation

/// Lists folders with `readdir`, which reports each entry's type for free: Foundation's
/// enumerator looked up every file's owner and group (two opens of `/etc/passwd` and
/// `/etc/group` per file, 17,000 of each in one build of 10,000 postings).
package enum FolderWalk {
    package struct Entry {
        package var name: String
        package var isFolder: Bool
        /// `DT_REG`, `DT_DIR`, `DT_LNK`… as `readdir` reported it (`DT_UNKNOWN` on file systems
        /// that do not say).
        package var type: Int
    }

    /// The entries of one folder, unsorted, without `.` and `..`; empty when it cannot be read
    /// (for jobfeed's own folders, where that means there is nothing to clean).
    package static func entries(of folder: String) -> [Entry] {
        (try? listing(of: folder)) ?? []
    }

    /// The entries of one folder; throws when it cannot be opened or read to the end, so that a
    /// folder behind a permissions glitch or a failing mount is never taken for an empty one.
    package static func listing(of folder: String) throws(SystemError) -> [Entry] {
        guard let directory = opendir(folder) else { throw SystemError(operation: "list the folder", path: folder, code: errno) }
        defer { closedir(directory) }
        var entries: [Entry] = []
        while true {
            errno = 0
            guard let entry = readdir(directory) else {
                if errno != 0 { throw SystemError(operation: "list the folder", path: folder, code: errno) }
                break
            }
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard name != ".", name != ".." else { continue }
            let type = Int(entry.pointee.d_type)
            var isFolder = type == DT_DIR
            if type == DT_UNKNOWN {
                var info = stat()
                isFolder = lstat(folder + "/" + name, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
            }
            entries.append(Entry(name: name, isFolder: isFolder, type: type))
        }
        return entries
    }

    /// Every file below a folder (not following links to folders), as paths relative to it.
    package static func files(below root: String) -> [String] {
        var files: [String] = []
        var pending = [""]
        while let relative = pending.popLast() {
            for entry in entries(of: relative.isEmpty ? root : root + "/" + relative) {
                let path = relative.isEmpty ? entry.name : relative + "/" + entry.name
                if entry.isFolder { pending.append(path) } else { files.append(path) }
            }
        }
        return files
    }
}
