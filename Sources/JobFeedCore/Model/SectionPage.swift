/// A Hugo section page (`_index.md`, `_index.fr.md`) on the way to the postings or among them,
/// kept for its `cascade:`, which sets front matter for every page below it. Its text is part
/// of the config: a change to it changes how each posting below it reads, as a config change
/// does.
public struct SectionPage: Sendable, Hashable {
    /// The folder it heads, absolute, as the postings folder's walk sees it.
    public var folder: String
    /// Its path as diagnostics print it.
    public var displayPath: String
    /// The language whose pages it heads.
    public var language: String
    public var text: String

    public init(folder: String, displayPath: String, language: String, text: String) {
        self.folder = folder
        self.displayPath = displayPath
        self.language = language
        self.text = text
    }
}
