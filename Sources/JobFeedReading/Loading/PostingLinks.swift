import JobFeedCore

/// Fills a posting's page URL and apply URL from the config's templates.
package enum PostingLinks {
    package static func resolve(_ posting: inout Posting, reader: inout FieldReader) {
        let values = templateValues(posting, reader: reader)
        let templates = reader.config.urls
        let used = Set(templates.posting.placeholders + (templates.apply?.placeholders ?? []))
        posting.linkValues = values.filter { used.contains($0.key) }
        let base = reader.config.baseURL
        switch templates.posting.expand(base: base, values: { values[$0] }) {
        case let .success(url):
            posting.url = url
        case let .failure(missing):
            reader.record(.error("the posting URL template '\(templates.posting)' needs '{\(missing.name)}', which this posting does not have; add '\(missing.name):' or change urls.posting", at: SourceLocation(file: reader.source.file)))
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

    /// Every scalar front-matter key by its own name, then the canonical names jobfeed derives.
    package static func templateValues(_ posting: Posting, reader: FieldReader) -> [String: String] {
        var values: [String: String] = [:]
        for field in PostingField.allCases {
            if let text = reader.node(field)?.scalarText { values[field.rawValue] = text }
        }
        for (name, value) in reader.values {
            if let text = value.scalarText, !value.isNull { values[name] = text }
        }
        values["lang"] = posting.language
        values["slug"] = posting.slug
        values["section"] = posting.section
        values["name"] = posting.slug.split(separator: "/").last.map(String.init)
        // The file's own name, date prefix included (Jekyll's `:name`).
        values["file"] = posting.source.relativePath.split(separator: "/").last.map { name in
            var stem = String(name)
            for suffix in PostingPath.extensions where stem.lowercased().hasSuffix(suffix) { stem = String(stem.dropLast(suffix.count)) }
            return stem
        }
        values["identifier"] = posting.identifier
        if let key = posting.translationKey { values["translationKey"] = key }
        return values
    }
}
