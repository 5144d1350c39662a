import JobFeedCore

/// Fills a posting's page URL and apply URL from the config's templates.
package enum PostingLinks {
    package static func resolve(_ posting: inout Posting, reader: inout FieldReader, path: PostingPath) {
        let templates = reader.config.urls
        let used = Set(templates.posting.placeholders + (templates.apply?.placeholders ?? []))
        var values = templateValues(used, of: posting, reader: reader)
        if reader.config.conventions == .hugo {
            let permalink = HugoPermalink(posting: posting, reader: reader, path: path)
            for name in used where HugoPermalink.names.contains(name) { values[name] = permalink.value(name) }
        }
        let dateTokens = PermalinkDate.tokens(for: reader.config.conventions)
        if used.contains(where: dateTokens.names.contains) {
            let date = PermalinkDate(reading: dateTokens.dateKeys, from: reader, else: posting)
            for name in used where dateTokens.names.contains(name) { values[name] = date.part(name) }
        }
        posting.linkValues = values
        let base = reader.config.baseURL
        if let own = ownPageURL(&reader) {
            posting.url = own
        } else {
            switch templates.posting.expand(base: base, values: { values[$0] }) {
            case let .success(url):
                posting.url = url
            case let .failure(missing):
                reader.record(.error("the posting URL template '\(templates.posting)' needs '{\(missing.name)}', which this posting does not have; add '\(missing.name):' or change urls.posting", at: SourceLocation(file: reader.source.file)))
            }
        }
        if let own = reader.text(.applyUrl) {
            // An absolute http(s) or mailto: URL, or a path on the site; anything else (`TBD`,
            // `see below`) must not become a link.
            let isMail = own.lowercased().hasPrefix("mailto:") && own.count > 7
            if URLResolver.isAbsoluteHTTP(own) || isMail || (own.hasPrefix("/") && !own.hasPrefix("//")) {
                posting.applyURL = isMail ? own : URLResolver.resolve(own, against: base)
            } else {
                reader.warning(.applyUrl, "'\(reader.key(.applyUrl))' is '\(own)', not an http(s) or mailto: URL (or a path on the site); applicants are sent to the posting's page")
                posting.applyURL = posting.url
            }
        } else if let apply = templates.apply {
            switch apply.expand(base: base, values: { values[$0] }) {
            case let .success(url):
                posting.applyURL = url
            case let .failure(missing):
                reader.record(.warning("the apply URL template '\(apply)' needs '{\(missing.name)}', which this posting does not have; applicants are sent to the posting's page instead (add '\(missing.name):' or 'applyUrl:')", at: SourceLocation(file: reader.source.file)))
                posting.applyURL = posting.url
            }
        } else {
            posting.applyURL = posting.url
        }
    }

    /// The page's own path, where the site generator puts a page whose front matter names one
    /// (Hugo's `url:`, Jekyll's `permalink:`), whatever the config's template says: below the
    /// base URL, as both take it.
    private static func ownPageURL(_ reader: inout FieldReader) -> String? {
        let key: String
        switch reader.config.conventions {
        case .hugo: key = "url"
        case .jekyll: key = "permalink"
        case .none: return nil
        }
        guard let node = reader.raw(key) else { return nil }
        guard let own = node.scalarText?.trimmed, !own.isEmpty, !own.hasPrefix("//"), !own.contains(where: { $0 == ":" || $0.isWhitespace && $0 != " " }) else {
            reader.record(.warning("'\(key)' is not a path on the site as \(reader.config.conventions.rawValue.capitalized) reads it (such as /jobs/designer/); the posting URL template is used instead", at: reader.source(ofKey: key).location(of: node)))
            return nil
        }
        return URLTemplate.page(withoutDotSegments(own), on: reader.config.baseURL)
    }

    /// `/a/../b/` is `/b/`, as the generators write the page (and never above the site's root).
    private static func withoutDotSegments(_ path: String) -> String {
        var kept: [Substring] = []
        for segment in path.pathComponents(omittingEmpty: false) {
            switch segment {
            case ".": continue
            case "..": if let last = kept.last, !(kept.count == 1 && last.isEmpty) { kept.removeLast() }
            default: kept.append(segment)
            }
        }
        let joined = kept.joined(separator: "/")
        return path.endsWithByte("/") && !joined.endsWithByte("/") ? joined + "/" : joined
    }

    /// The values of the placeholders `names`: what jobfeed derives (`lang`, `slug`, `section`,
    /// `name`, `file`, `jekyllTitle`, `identifier`, and `translationKey` when the posting has one), else a
    /// scalar front-matter key by its own name, else the field the name is canonical for. Only
    /// the names the templates use are looked up: this runs for every posting.
    package static func templateValues(_ names: Set<String>, of posting: Posting, reader: FieldReader) -> [String: String] {
        var values: [String: String] = [:]
        values.reserveCapacity(names.count)
        for name in names {
            if derivedNames.contains(name) {
                values[name] = reader.config.languageValue(name, code: posting.language)
                    ?? derivedValue(name, of: posting, conventions: reader.config.conventions)  // nil: no value
            } else if name == "translationKey", let key = posting.translationKey {
                values[name] = key
            } else if let value = reader.values[name], !value.isNull, let text = value.scalarText {
                values[name] = text
            } else if let field = PostingField(rawValue: name), let text = reader.node(field)?.scalarText {
                values[name] = text
            }
        }
        return values
    }

    /// Names whose value always comes from the posting, never from a front-matter key.
    private static let derivedNames: Set<String> = ["lang", "langPrefix", "slug", "section", "name", "file", "jekyllTitle", "jekyllPath", "identifier"]

    /// Under `conventions: jekyll`, `name`, `file` and `jekyllTitle` are Jekyll's `:slug`,
    /// `:name` and `:title`, slugified as Jekyll does; `jekyllPath` is its `:path`.
    private static func derivedValue(_ name: String, of posting: Posting, conventions: SiteConventions) -> String? {
        let jekyll = conventions == .jekyll
        switch name {
        case "slug": return posting.slug
        case "section": return posting.section
        case "name": return posting.slug.pathComponents().last.map { jekyll ? JekyllSlug.slugify(String($0)) : String($0) }
        case "jekyllTitle": return posting.slug.pathComponents().last.map { JekyllSlug.slugify(String($0), pretty: true, cased: true) }
        case "jekyllPath":
            // Jekyll's `:path`: the file's path in its collection, without its extension, as
            // written (a date at the start of its name kept).
            return String(PostingPath.stripExtension(posting.source.relativePath[...]))
        case "file":
            // The file's own name, date prefix included (Jekyll's `:name`).
            return posting.source.relativePath.pathComponents().last.map { name in
                let stem = String(PostingPath.stripExtension(name))
                return jekyll ? JekyllSlug.slugify(stem) : stem
            }
        case "identifier": return posting.identifier
        default: return nil
        }
    }
}
