import Foundation
import JobFeedSystem

/// Where `init` finds a site's postings: one folder, the job section it is (or holds), and
/// what else in it is not postings.
struct PostingsPlace {
    var folder: String
    /// The job section (`jobs`), when the folder is one or holds one per language.
    var section: String?
    /// The other sections and pages in a folder that holds more than the postings (`en/blog`),
    /// for `exclude:`.
    var otherContent: [String] = []
    /// Whether the section is part of each posting's slug (`jobs/designer`), as when the folder
    /// holds a content folder per language.
    var sectionInSlug = false
    /// Languages whose content folder has no job section init knows: nothing excluded there.
    var languagesWithoutSection: [String] = []

    /// A Hugo site with a content folder per language named by its code
    /// (`languages.fr.contentDir = "content/fr"`): the folder that holds them, and in each the
    /// job section (`en/jobs`, `fr/emplois`) with every other section, page and folder
    /// excluded. Without the exclusions the whole site's pages (a blog post) would be read as
    /// postings. A language folder with no job section found keeps everything, and init asks.
    static func perLanguage(_ site: GeneratorSite, root: URL, sections: [String]) -> PostingsPlace? {
        let folders = site.languageContentFolders
        guard folders.count > 1 else { return nil }
        let parents = Set(folders.map { $0.value.parentFolder })
        guard parents.count == 1, let parent = parents.first, folders.allSatisfy({ $0.value.lastName == $0.key }) else { return nil }
        let visible = { (folder: String) in
            FolderWalk.entries(of: root.appendingPathComponent(folder).path).map(\.name).filter { !$0.startsWithByte(".") && !$0.startsWithByte("_") }.sorted()
        }
        var found: [String: String] = [:]
        for code in folders.keys {
            let names = visible(parent + "/" + code)
            found[code] = sections.first(where: names.contains)
        }
        guard let section = folders.keys.sorted().lazy.compactMap({ found[$0] }).first else { return nil }
        var other = visible(parent).filter { folders[$0] == nil }
        var unsure: [String] = []
        for code in folders.keys.sorted() {
            guard let own = found[code] else {
                unsure.append(code)
                continue
            }
            other += visible(parent + "/" + code).filter { $0 != own }.map { code + "/" + $0 }
        }
        return PostingsPlace(folder: parent, section: section, otherContent: other, sectionInSlug: true, languagesWithoutSection: unsure)
    }
}
