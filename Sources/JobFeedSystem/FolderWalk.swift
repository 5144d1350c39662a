import Foundation

/// Lists folders with `readdir`, which reports each entry's type for free: Foundation's
/// enumerator looked up every file's owner and group (two opens of `/etc/passwd` and
/// `/etc/group` per file, 17,000 of each in one build of 10,000 postings).
package enum FolderWalk {
    package struct Entry {
        package var name: String
        /// The name with each byte that is not UTF-8 written as `\xFF`, when it has any: `name`
        /// (those bytes replaced with U+FFFD) then names no file.
        package var nameNotUTF8: String?
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
            let (name, nameNotUTF8) = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                let bytes = raw.prefix { $0 != 0 }
                return String(validating: bytes, as: UTF8.self).map { ($0, nil) } ?? (String(decoding: bytes, as: UTF8.self), Self.escaped(bytes))
            }
            guard name != ".", name != ".." else { continue }
            let type = Int(entry.pointee.d_type)
            var isFolder = type == DT_DIR
            if type == DT_UNKNOWN {
                var info = stat()
                isFolder = lstat(folder + "/" + name, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
            }
            entries.append(Entry(name: name, nameNotUTF8: nameNotUTF8, isFolder: isFolder, type: type))
        }
        return entries
    }

    /// The bytes as text, each byte that does not belong to a UTF-8 character as `\xFF`.
    static func escaped(_ bytes: some Collection<UInt8>) -> String {
        var text = ""
        var rest = bytes[...]
        while let lead = rest.first {
            let length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
            if let character = String(validating: rest.prefix(length), as: UTF8.self), character.utf8.count == length {
                text += character
                rest = rest.dropFirst(length)
            } else {
                text += "\\x" + String(lead, radix: 16, uppercase: true)
                rest = rest.dropFirst()
            }
        }
        return text
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
