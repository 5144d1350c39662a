/// One of the site's languages (`languages:`): its code, its locale and its feeds' title and description.
public struct LanguageConfig: Sendable, Hashable {
    /// The code used in paths and `lang:` (e.g. `en`).
    public var code: String
    /// The BCP 47 locale (e.g. `en-CA`) used for `inLanguage`, `xml:lang` and RSS `language`.
    public var locale: String
    public var feedTitle: String
    public var feedDescription: String

    package init(code: String, locale: String, feedTitle: String, feedDescription: String) {
        self.code = code
        self.locale = locale
        self.feedTitle = feedTitle
        self.feedDescription = feedDescription
    }
}
