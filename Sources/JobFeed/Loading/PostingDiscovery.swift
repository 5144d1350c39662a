import Foundation

/// Finds the posting files below the postings folder, in a stable order.
///
/// Symbolic links are followed only when they stay inside the folder, and each real folder is
/// entered once, so a link loop or a link to `/etc` cannot pull in anything else.
struct PostingDiscovery {
    let root: URL
    let languages: [String]
    private(set) var diagnostics: [Diagnostic] = []
    private var visitedFolders: Set<String> = []

    init(root: URL, languages: [String]) {
        self.root = root
        self.languages = languages
    }

    mutating func files() throws(DiagnosticError) -> [PostingFile] {
        let realRoot = root.resolvingSymlinksInPath().path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: realRoot, isDirectory: &isFolder), isFolder.boolValue else {
            throw DiagnosticError(.error("the postings folder does not exist; create it or set 'postings:' in the config (or --postings)", at: SourceLocation(file: DisplayPath.of(root))))
        }
        var found: [PostingFile] = []
        walk(URL(fileURLWithPath: realRoot), relative: "", realRoot: realRoot, into: &found)
        return found.sorted { $0.path.relativePath < $1.path.relativePath }
    }

    private mutating func walk(_ folder: URL, relative: String, realRoot: String, into found: inout [PostingFile]) {
        guard visitedFolders.insert(folder.resolvingSymlinksInPath().path).inserted else {
            diagnostics.append(.warning("folder reached twice through a symbolic link; skipped", at: SourceLocation(file: DisplayPath.of(folder))))
            return
        }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
        for name in names where !name.hasPrefix(".") {
            let url = folder.appendingPathComponent(name)
            let relativePath = relative.isEmpty ? name : relative + "/" + name
            // Only a symbolic link needs resolving; `folder` itself is already a real path.
            let isLink = (try? FileManager.default.destinationOfSymbolicLink(atPath: url.path)) != nil
            let real = isLink ? url.resolvingSymlinksInPath().path : url.path
            guard real == realRoot || real.hasPrefix(realRoot + "/") else {
                diagnostics.append(.warning("symbolic link points outside the postings folder; skipped", at: SourceLocation(file: DisplayPath.of(url))))
                continue
            }
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: real, isDirectory: &isFolder) else {
                diagnostics.append(.warning("broken symbolic link; skipped", at: SourceLocation(file: DisplayPath.of(url))))
                continue
            }
            if isFolder.boolValue {
                walk(url, relative: relativePath, realRoot: realRoot, into: &found)
            } else if PostingPath.isPostingFile(name) {
                let path = PostingPath(relativePath: relativePath, languages: languages)
                found.append(PostingFile(url: url, path: path, displayPath: DisplayPath.of(root.appendingPathComponent(relativePath))))
            }
        }
    }
}
