import Foundation
import JobFeedCore
import Yams

extension Config {
    package static let languageKeys = ["code", "locale", "title", "description"]
    package static let urlKeys = ["posting", "apply", "listing", "feeds", "exports"]
    package static let organizationKeys = ["name", "url", "logo", "sameAs"]

    package static func readLanguages(_ reader: inout MappingReader) -> [LanguageConfig] {
        guard let node = reader.value("languages") else {
            reader.fail("missing required key 'languages' (a list of code, locale, title, description)", at: nil)
            return []
        }
        guard case let .sequence(items) = node, !items.isEmpty else {
            reader.fail("'languages' must be a non-empty list", at: node)
            return []
        }
        var languages: [LanguageConfig] = []
        for item in items {
            var entry = MappingReader(item, path: "languages[]", source: reader.source)
            let code = entry.string("code", required: true)
            let locale = entry.string("locale") ?? code
            let title = entry.string("title", required: true)
            let description = entry.string("description") ?? title
            entry.rejectUnknownKeys(languageKeys)
            if let code, !isLanguageCode(code) {
                entry.fail("language code '\(code)' must be letters and hyphens only, such as 'en' or 'pt-br'", at: entry.value("code"))
            } else if let code, languages.contains(where: { $0.code == code }) {
                entry.fail("language '\(code)' is listed twice", at: entry.value("code"))
            }
            reader.absorb(entry)
            if let code, let locale, let title, let description {
                languages.append(LanguageConfig(code: code, locale: locale, feedTitle: title, feedDescription: description))
            }
        }
        return languages
    }

    package static func isLanguageCode(_ code: String) -> Bool {
        !code.isEmpty && code.count <= 16 && code.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || $0 == "-") }
    }

    package static func readURLTemplates(_ reader: inout MappingReader) -> URLTemplates? {
        var urls = reader.child("urls")
        func template(_ key: String, _ fallback: String?) -> URLTemplate? {
            guard let text = urls?.string(key) ?? fallback else { return nil }
            do {
                return try URLTemplate(text)
            } catch {
                let node = urls?.value(key)
                urls?.fail("'urls.\(key)': \(error)", at: node)
                return nil
            }
        }
        let posting = template("posting", "{lang}/jobs/{slug}/")
        let apply = template("apply", nil)
        let listing = template("listing", "{lang}/jobs/")
        let feeds = template("feeds", "feeds/{lang}/")
        let exports = template("exports", "exports/")
        urls?.rejectUnknownKeys(urlKeys)
        if let urls { reader.absorb(urls) }
        guard let posting, let listing, let feeds, let exports else { return nil }
        return URLTemplates(posting: posting, apply: apply, listing: listing, feeds: feeds, exports: exports)
    }

    package static func readOrganization(_ reader: inout MappingReader, languages: [String]) -> Organization? {
        guard var section = reader.child("organization") else {
            reader.fail("missing required key 'organization' (the hiring organization's name, url, logo)", at: nil)
            return nil
        }
        var names: [String: String] = [:]
        switch section.value("name") {
        case let .scalar(scalar)?:
            for code in languages { names[code] = scalar.string }
        case .mapping?:
            if var byLanguage = section.child("name") {
                for code in languages { names[code] = byLanguage.string(code, required: true) }
                byLanguage.rejectUnknownKeys(languages)
                section.absorb(byLanguage)
            }
        case let other?:
            section.fail("'organization.name' must be a name or a mapping of language to name", at: other)
        case nil:
            section.fail("missing required key 'organization.name'", at: nil)
        }
        let url = section.string("url")
        let logo = section.string("logo")
        let sameAs = section.strings("sameAs")
        for key in ["url", "logo"] {
            if let value = section.string(key), !URLResolver.isAbsoluteHTTP(value) {
                section.fail("'organization.\(key)' must be an absolute http(s) URL", at: section.value(key))
            }
        }
        section.rejectUnknownKeys(organizationKeys)
        reader.absorb(section)
        return Organization(names: names, url: url, logo: logo, sameAs: sameAs)
    }

    package static func readDefaults(_ reader: inout MappingReader) -> DefaultValues {
        guard let section = reader.child("defaults") else { return DefaultValues() }
        var defaults: [PostingField: DefaultValues.Value] = [:]
        var checked = section
        for (name, _, value) in section.pairs {
            if let field = PostingField(rawValue: name), let value = DefaultValues.Value(value) { defaults[field] = value }
        }
        checked.rejectUnknownKeys(PostingField.allNames)
        reader.absorb(checked)
        return DefaultValues(values: defaults)
    }

    package static func readLimits(_ reader: inout MappingReader) -> Limits {
        var limits = Limits()
        guard var section = reader.child("limits") else { return limits }
        func positive(_ key: String) -> Int? {
            guard let text = section.string(key) else { return nil }
            guard let value = Int(text.replacingOccurrences(of: "_", with: "")), value > 0 else {
                section.fail("'limits.\(key)' must be a positive whole number", at: section.value(key))
                return nil
            }
            return value
        }
        limits.maxFileBytes = positive("maxFileBytes") ?? limits.maxFileBytes
        limits.maxTitleLength = positive("maxTitleLength") ?? limits.maxTitleLength
        limits.sitemapURLs = min(positive("sitemapURLs") ?? limits.sitemapURLs, 50_000)
        limits.feedItems = positive("feedItems")
        section.rejectUnknownKeys(["maxFileBytes", "maxTitleLength", "sitemapURLs", "feedItems"])
        reader.absorb(section)
        return limits
    }
}
