import Foundation
import JobFeedCore
import JobFeedSystem

/// Finds the posting files below the postings folder, in a stable order.
///
/// Symbolic links are followed only when they stay inside the folder, and each real folder is
/// entered once, so a link loop or a link to `/etc` cannot pull in anything else. Folders whose
/// names start with `.` or `_` (Jekyll's `_drafts`, `_site`, `_includes`) are not entered, nor
/// is anything the config's `exclude:` names.
///
/// A folder that cannot be listed (EACCES, EIO, a vanished mount) stops the build: taking it
/// for an empty folder would unpublish every job in it. A posting file or folder whose name is
/// not UTF-8 (a Latin-1 name from an old archive) is an error: it cannot be read by that name,
/// nor given a URL. One that disappears between being
/// listed and being entered was deleted, and is skipped.
package struct PostingDiscovery {
    package let root: URL
    package let languages: [String]
    private let excluded: ExcludedPaths
    /// What Jekyll's own `exclude:` leaves out of the site, under `conventions: jekyll`.
    private var excludedByJekyll: JekyllExclusions?
    /// What Hugo's `ignoreFiles` leave out, under `conventions: hugo`.
    private var ignoredByHugo: HugoIgnoredFiles?
    package private(set) var diagnostics: [Diagnostic] = []
    /// By exact path: two folders named alike in different code points are two folders.
    private var visitedFolders: Set<ExactPath> = []

    package init(root: URL, languages: [String], exclude: [String] = []) {
        self.root = root
        self.languages = languages
        excluded = ExcludedPaths(exclude)
    }

    /// The site's postings folder, languages and `exclude:` (and Jekyll's, and Hugo's
    /// `ignoreFiles`), as every build reads them.
    package init(config: Config) {
        self.init(root: config.postingsDirectory, languages: config.languageCodes, exclude: config.exclude)
        excludedByJekyll = JekyllExclusions(config)
        ignoredByHugo = HugoIgnoredFiles(config)
    }

    package mutating func files() throws(DiagnosticError) -> [PostingFile] {
        let realRoot = root.resolvingSymlinksInPath().path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: realRoot, isDirectory: &isFolder), isFolder.boolValue else {
            throw DiagnosticError(.error("the postings folder does not exist; create it or set 'postings:' in the config (or --postings)", at: SourceLocation(file: DisplayPath.of(root))))
        }
        var found: [PostingFile] = []
        do {
            try walk(URL(fileURLWithPath: realRoot), relative: "", realRoot: realRoot, into: &found)
        } catch {
            throw DiagnosticError(.error("cannot list the folder: \(error.reason); nothing was published or removed (fix its permissions or mount, then build again)",
                                         at: SourceLocation(file: DisplayPath.of(path: error.path))))
        }
        // Found in path order already, but where a name sorts before its folder's ("a-b"
        // before "a/b").
        return found.sortedUnlessInOrder { $0.path.relativePath.precedesExactly($1.path.relativePath) }
    }

    private mutating func walk(_ folder: URL, relative: String, realRoot: String, into found: inout [PostingFile]) throws(SystemError) {
        guard visitedFolders.insert(ExactPath(folder.resolvingSymlinksInPath().path)).inserted else {
            diagnostics.append(.warning("folder reached twice through a symbolic link; skipped", at: SourceLocation(file: DisplayPath.of(folder))))
            return
        }
        let folderPath = folder.path
        let displayRoot = DisplayPath.of(root)
        let entries: [FolderWalk.Entry]
        do {
            entries = try FolderWalk.listing(of: folderPath)
        } catch where error.code == ENOENT && !relative.isEmpty {
            return
        }
        for entry in entries.sorted(by: { $0.name.precedesExactly($1.name) }) where !entry.name.startsWithByte(".") {
            let name = entry.name
            let path = folderPath + "/" + name
            let relativePath = relative.isEmpty ? name : relative + "/" + name
            if excluded.excludes(name: name, relativePath: relativePath) { continue }
            var kind = Self.kind(of: entry, at: path)
            if excludedByJekyll?.excludes(relativePath: relativePath, isFolder: kind == .folder) == true { continue }
            if ignoredByHugo?.excludes(absolutePath: path) == true { continue }
            if let shown = entry.nameNotUTF8 {
                // Such a name cannot be opened by the text it reads as, nor made a URL: left out
                // and said so, rather than taken for a file that vanished.
                if kind == .file || kind == .link ? PostingPath.isPostingFile(name) : kind == .folder && !name.startsWithByte("_") {
                    let what = kind == .folder ? "this folder's name is not UTF-8; the postings in it are" : "this posting's file name is not UTF-8; it is"
                    diagnostics.append(.error("\(what) not published until it is renamed (the bytes shown as \\x are not UTF-8)", at: SourceLocation(file: displayRoot + "/" + (relative.isEmpty ? "" : relative + "/") + shown)))
                }
                continue
            }
            if kind == .link {
                // Only a symbolic link needs resolving, and it must stay inside the folder.
                let real = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
                guard real.isAtOrBelow(realRoot) else {
                    diagnostics.append(.warning("symbolic link points outside the postings folder; skipped", at: SourceLocation(file: displayRoot + "/" + relativePath)))
                    continue
                }
                kind = Self.kind(of: real, following: true)
                if kind == .missing {
                    diagnostics.append(.warning("broken symbolic link; skipped", at: SourceLocation(file: displayRoot + "/" + relativePath)))
                    continue
                }
            }
            if kind == .folder {
                guard !name.startsWithByte("_") else { continue }
                try walk(URL(fileURLWithPath: path), relative: relativePath, realRoot: realRoot, into: &found)
            } else if kind == .file, PostingPath.isPostingFile(name) {
                found.append(PostingFile(absolutePath: path, path: PostingPath(relativePath: relativePath, languages: languages),
                                         displayPath: displayRoot + "/" + relativePath))
            }
        }
    }

    private enum Kind { case file, folder, link, missing, other }

    /// The type `readdir` gave, when it gave one; else one `lstat`.
    private static func kind(of entry: FolderWalk.Entry, at path: String) -> Kind {
        switch entry.type {
        case DT_REG: return .file
        case DT_DIR: return .folder
        case DT_LNK: return .link
        case DT_UNKNOWN: return kind(of: path)
        default: return .other
        }
    }

    /// One `lstat` (or `stat` when following links) instead of Foundation's several calls.
    private static func kind(of path: String, following: Bool = false) -> Kind {
        var info = stat()
        guard (following ? stat(path, &info) : lstat(path, &info)) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .folder
        case S_IFLNK: return .link
        default: return .other
        }
    }
}
