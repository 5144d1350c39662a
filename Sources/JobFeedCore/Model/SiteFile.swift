/// A file of the site generator's own that changes how postings read (Jekyll's `_config.yml`,
/// whose `defaults:` give front matter to the postings; a Hugo section page): read with the
/// config, its text part of the config's fingerprint.
public struct SiteFile: Sendable, Hashable {
    public var path: String
    public var displayPath: String
    public var text: String

    public init(path: String, displayPath: String, text: String) {
        self.path = path
        self.displayPath = displayPath
        self.text = text
    }
}
