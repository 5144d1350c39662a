import JobFeedCore

/// A posting's language, slug and translation key, from its front matter and its path.
package struct PostingIdentity: Sendable {
    package var language: String
    package var slug: String
    package var translationKey: String?

    package static func read(_ reader: inout FieldReader, path: PostingPath) -> PostingIdentity? {
        let codes = reader.config.languageCodes
        let language: String
        // The posting's own `lang:`, then its folder or file-name suffix, and only then a site-wide
        // default: a default never overrides what a file's place says.
        let fallback = reader.config.defaultLanguage ?? reader.config.defaults[.lang]?.scalarText?.trimmed
        if let declared = reader.own(.lang) != nil ? reader.text(.lang) : (path.language == nil ? fallback : nil) {
            guard codes.contains(declared) else {
                reader.error(.lang, "language '\(declared)' is not configured; use one of \(codes.joined(separator: ", ")) or add it under 'languages:' in the config")
                return nil
            }
            language = declared
        } else if let fromPath = path.language {
            language = fromPath
        } else if codes.count == 1 {
            language = codes[0]
        } else {
            reader.record(.error("cannot tell this posting's language; add 'lang:', move it under a language folder (\(codes[0])/), or name it NAME.\(codes[0]).md", at: SourceLocation(file: reader.source.file)))
            return nil
        }
        var slug = path.slug
        if reader.config.conventions == .jekyll { slug = JekyllFileName.withoutDate(slug) }
        if let own = reader.text(.slug) {
            guard PostingPath.isSafeComponent(Substring(own)) else {
                reader.error(.slug, "'\(reader.key(.slug))' must be one file-name-safe word of at most \(PostingPath.maximumComponentBytes) bytes, without '/', '\\' or a leading '.'")
                return nil
            }
            slug = path.slug(replacingLastWith: own)
        }
        // Hugo's pages are at its sanitized paths, `slug:` included.
        if reader.config.conventions == .hugo { slug = HugoPath(config: reader.config).sanitized(slug) }
        guard PostingPath.isSafeSlug(slug) else {
            reader.record(.error("the file's path does not make a safe slug ('\(slug)': each part one file-name-safe word of at most \(PostingPath.maximumComponentBytes) bytes); rename the file or set 'slug:'", at: SourceLocation(file: reader.source.file)))
            return nil
        }
        let key = reader.text(.translationKey)
        if let key, key.unicodeScalars.contains(where: { $0.value < 0x20 }) {
            reader.error(.translationKey, "'\(reader.key(.translationKey))' contains control characters; use letters, digits and hyphens")
            return nil
        }
        return PostingIdentity(language: language, slug: slug, translationKey: key)
    }
}
