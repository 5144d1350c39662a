/// A Hugo section page (`_index.md`, `_index.fr.md`) on the way to the postings or among them,
/// kept for its `cascade:`, which sets front matter for every page below it in its language.
public struct SectionPage: Sendable, Hashable {
    public var file: SiteFile
    /// The language whose pages it heads.
    public var language: String

    public init(file: SiteFile, language: String) {
        self.file = file
        self.language = language
    }

    /// The folder it heads.
    public var folder: String {
        file.path.parentFolder
    }
}
