/// A value from a site generator's config.
package enum SiteConfigValue: Equatable {
    case text(String)
    case list([String])

    package var text: String? {
        if case let .text(text) = self { return text }
        return nil
    }
}
