import Foundation
import JobFeedCore
import JobFeedSystem

extension Config {
    /// Under `conventions: hugo`, finds the section pages whose `cascade:` the postings inherit
    /// (see `SectionPageFinder`). Their text joins the config's fingerprint, so a changed
    /// cascade reads every posting again.
    ///
    /// A folder that cannot be listed, a section page that cannot be read, or a cascade that
    /// cannot be, stops the build: a cascaded `draft: true` left unread would publish the drafts
    /// below it.
    mutating func findSectionPages(configFolder: URL) throws(DiagnosticError) {
        guard conventions == .hugo else { return }
        let finder = SectionPageFinder(postings: postingsDirectory, configFolder: configFolder, languages: languageCodes,
                                       defaultLanguage: hugoDefaultLanguage, exclude: exclude)
        guard let found = try finder.find() else { return }
        (sectionPages, contentFolder) = (found.pages, found.contentFolder)
        let errors = HugoCascades(self).diagnostics
        if !errors.isEmpty { throw DiagnosticError(errors) }
        addToFingerprint(sectionPages.map { $0.file })
    }

    /// The site generator's files a build reads join the config's fingerprint: a change to one
    /// is a change to the config (the build record, the build cache).
    mutating func addToFingerprint(_ files: [SiteFile]) {
        var hash = StableHash()
        hash.add(fingerprint)
        for file in files { hash.add("\(file.path)\n\(file.text)") }
        fingerprint = hash.value
    }

    /// The folders above the postings folder, up to Hugo's content folder, whose section pages
    /// cascade into the postings: a watcher watches them too.
    package var sectionFoldersAbove: [String] {
        guard let contentFolder else { return [] }
        var folders: [String] = []
        var folder = postingsDirectory.resolvingSymlinksInPath().path
        while folder.isBelow(contentFolder) {
            folder = folder.parentFolder
            folders.append(folder)
        }
        return folders
    }

    /// `_index.md`, `_index.fr.md`: a section's own page (a leaf bundle's `index.md` cascades nothing).
    package static func isSectionPage(_ name: String) -> Bool {
        name.hasPrefix("_index.") && PostingPath.extensions.contains { name.lowercased().hasSuffix($0) }
    }

    /// The language of a Hugo page whose path names none: the site's default, else Hugo's (`en`).
    package var hugoDefaultLanguage: String {
        Self.hugoDefaultLanguage(defaultLanguage, languages: languageCodes)
    }

    package static func hugoDefaultLanguage(_ configured: String?, languages: [String]) -> String {
        configured ?? (languages.contains("en") || languages.isEmpty ? "en" : languages[0])
    }
}

/// Finds Hugo's section pages for a postings folder: in it and each folder below it that a
/// build walks, and in each folder above it up to Hugo's content folder (the home page's
/// `content/_index.md`): the folder named `content` on the way from the config's folder, else
/// the outermost one. `init` reads them too, so that a field every posting inherits is mapped.
package struct SectionPageFinder {
    let root: String
    let top: String
    let languages: [String]
    let defaultLanguage: String
    let excluded: ExcludedPaths

    package init(postings: URL, configFolder: URL, languages: [String], defaultLanguage: String, exclude: [String]) {
        root = postings.resolvingSymlinksInPath().path
        top = configFolder.resolvingSymlinksInPath().path
        self.languages = languages
        self.defaultLanguage = defaultLanguage
        excluded = ExcludedPaths(exclude)
    }

    /// Nil when the postings folder does not exist (the build says so).
    package func find() throws(DiagnosticError) -> (pages: [SectionPage], contentFolder: String)? {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isFolder), isFolder.boolValue else { return nil }
        var above: [String] = []
        if root.isBelow(top) {
            var folder = root.parentFolder
            while folder.count > top.count {
                above.append(folder)
                folder = folder.parentFolder
            }
        }
        // Hugo's paths start at its content folder: `content/` unless the site names another.
        let content = above.first { $0.lastName == "content" } ?? above.last ?? root
        var scan = Scan(finder: self, content: content)
        do {
            for folder in above.reversed() where folder.count >= content.count { try scan.pages(in: folder) }
            try scan.walk(root, relative: "")
        } catch {
            throw DiagnosticError(.error("cannot list the folder: \(error.reason); nothing was published or removed (fix its permissions or mount, then build again)",
                                         at: SourceLocation(file: DisplayPath.of(path: error.path))))
        }
        if !scan.diagnostics.isEmpty { throw DiagnosticError(scan.diagnostics) }
        return (scan.found, content)
    }

    /// One pass over the folders, collecting their section pages.
    private struct Scan {
        let finder: SectionPageFinder
        let content: String
        var found: [SectionPage] = []
        var diagnostics: [Diagnostic] = []
        private var visited: Set<String> = []

        init(finder: SectionPageFinder, content: String) {
            self.finder = finder
            self.content = content
        }

        /// Walks as `PostingDiscovery` does: not into `.` and `_` folders nor what `exclude:`
        /// names, through symbolic links only to folders inside the postings folder, each once.
        mutating func walk(_ folder: String, relative: String) throws(SystemError) {
            guard visited.insert(URL(fileURLWithPath: folder).resolvingSymlinksInPath().path).inserted else { return }
            let entries = try pages(in: folder)
            for entry in entries where !entry.name.startsWithByte(".") && !entry.name.startsWithByte("_") && entry.nameNotUTF8 == nil {
                let path = folder + "/" + entry.name
                let relativePath = relative.isEmpty ? entry.name : relative + "/" + entry.name
                guard !finder.excluded.excludes(name: entry.name, relativePath: relativePath) else { continue }
                if entry.type == DT_DIR || (entry.type == DT_LNK || entry.type == DT_UNKNOWN) && isFolderInside(path) {
                    try walk(path, relative: relativePath)
                }
            }
        }

        /// Records the folder's section pages; returns its entries.
        @discardableResult
        mutating func pages(in folder: String) throws(SystemError) -> [FolderWalk.Entry] {
            let entries = try FolderWalk.listing(of: folder).sorted { $0.name < $1.name }
            for entry in entries where Config.isSectionPage(entry.name) {
                let path = folder + "/" + entry.name
                let display = DisplayPath.of(path: path)
                guard let data = try? OpenFile.contents(of: path) else {
                    diagnostics.append(.error("cannot read this section page, whose cascade: the postings below it inherit; fix its permissions", at: SourceLocation(file: display)))
                    continue
                }
                guard let text = String(validating: data, as: UTF8.self) else {
                    diagnostics.append(.error("this section page is not UTF-8 text; save it as UTF-8", at: SourceLocation(file: display)))
                    continue
                }
                let relative = path.relative(below: content).map(String.init) ?? entry.name
                let language = PostingPath(relativePath: relative, languages: finder.languages).language ?? finder.defaultLanguage
                found.append(SectionPage(file: SiteFile(path: path, displayPath: display, text: text), language: language))
            }
            return entries
        }

        private func isFolderInside(_ path: String) -> Bool {
            let real = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
            var info = stat()
            return real.isAtOrBelow(finder.root) && stat(real, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
        }
    }
}
