import Foundation
import JobFeedCore
import Yams

/// A Markdown file found below the postings folder.
package struct PostingFile: Sendable, Hashable {
    /// Kept as a path: making a `URL` for each of 10,000 files cost 40 ms of every rebuild.
    package var absolutePath: String
    package var path: PostingPath
    package var displayPath: String

    package var url: URL { URL(fileURLWithPath: absolutePath) }
}

extension PostingFile {
    package init(url: URL, path: PostingPath, displayPath: String) {
        self.init(absolutePath: url.path, path: path, displayPath: displayPath)
    }
}

/// Turns one posting file into a checked `Posting`, or into the diagnostics that say why not.
package struct PostingParser: Sendable {
    package let config: Config
    package let fallbackDates: FallbackDates
    /// `{{ site.baseurl }}` and `{{ site.url }}`, from the config's base URL.
    package let templateVariables: [String: String]
    private let defaults: DefaultNodes
    /// Hugo's `cascade:` or Jekyll's `defaults:`, under those conventions.
    private let inherited: (any InheritedFrontMatter)?
    /// Decodes character references in front-matter text (`&#8211;`, `&amp;`): a markup
    /// concern, which the rendering layer supplies.
    private let decodeReferences: @Sendable (String) -> String

    package init(config: Config, fallbackDates: FallbackDates, decodeReferences: @escaping @Sendable (String) -> String) {
        self.config = config
        self.fallbackDates = fallbackDates
        self.decodeReferences = decodeReferences
        defaults = DefaultNodes(config.defaults)
        inherited = config.inheritedFrontMatter
        templateVariables = BodyChecks.variables(for: config)
    }

    package struct Outcome: Sendable {
        package var posting: Posting?
        package var diagnostics: [Diagnostic]
    }

    package func parse(_ file: PostingFile, data: Data) -> Outcome {
        let whole = SourceLocation(file: file.displayPath)
        guard let text = UTF8Validation.string(validating: data) else {
            return Outcome(diagnostics: [TextDecoding.invalidUTF8(data, file: file.displayPath)])
        }
        let frontMatter: FrontMatter
        switch FrontMatter.split(text) {
        // Jekyll reads YAML front matter alone: a file with another is a static file, no page.
        case let .success(split) where config.conventions == .jekyll && split.format != .yaml:
            return Outcome(diagnostics: [Self.diagnostic(for: .missing, at: whole)])
        case let .success(split): frontMatter = split
        case let .failure(failure): return Outcome(diagnostics: [Self.diagnostic(for: failure, at: whole)])
        }
        let source = frontMatter.source(file: file.displayPath)
        let mapping: Node.Mapping
        switch source.compose(frontMatter.yaml) {
        case let .success(node?):
            guard let found = node.mapping else {
                return Outcome(diagnostics: [.error("front matter must be a mapping of keys to values", at: source.location(of: node))])
            }
            mapping = found
        case .success(nil):
            mapping = [:]
        case let .failure(error):
            return Outcome(diagnostics: error.diagnostics)
        }
        let (merged, sources) = inherited?.apply(to: mapping, file: file) ?? (mapping, [:])
        var reader = FieldReader(frontMatter: merged, config: config, defaults: defaults.nodes, source: source, inherited: sources)
        let body = BodyChecks.resolveTemplateCode(in: frontMatter.body, variables: templateVariables,
                                                  startLine: frontMatter.bodyStartLine, file: file.displayPath)
        let posting = read(&reader, file: file, body: body.body)
        reader.record(contentsOf: body.diagnostics)
        let failed = reader.diagnostics.contains { $0.severity == .error }
        return Outcome(posting: failed ? nil : posting, diagnostics: reader.diagnostics)
    }

    package static func diagnostic(for failure: FrontMatter.Failure, at location: SourceLocation) -> Diagnostic {
        switch failure {
        case .empty: return .error("the file is empty; a posting needs front matter with at least 'title:'", at: location)
        case .missing: return .error("no front matter; start the file with a '---' line, the YAML fields, then another '---' line", at: location)
        case let .unterminated(fence): return .error("the front matter is not closed; add a '\(fence)' line after the last field", at: location)
        case .unclosedJSON: return .error("the JSON front matter is not closed; add the '}' that ends its object", at: location)
        case let .invalidTOML(error):
            let at = SourceLocation(file: location.file, line: error.position.line + 1, column: error.position.column)
            return .error("invalid TOML front matter: \(error.message)", at: at)
        }
    }

    private func read(_ reader: inout FieldReader, file: PostingFile, body: String) -> Posting? {
        let title = readTitle(&reader)
        let identity = PostingIdentity.read(&reader, path: file.path)
        let dates = readDates(&reader, file: file)
        let place = PlaceReader.read(&reader)
        let country = place.locations.first?.country ?? place.remote?.applicantCountries.first ?? config.defaults[.country]?.scalarText
        let salary = SalaryReader.read(&reader, country: country)
        let employment = readEmploymentTypes(&reader)
        let summary = reader.words(.description).map(decodeReferences) ?? ""
        var archived = reader.bool(.archived)
        var draft = reader.bool(.draft) || readUnpublished(&reader) || dates?.heldBack == true
        switch readStatus(&reader) {
        case "archived": archived = true
        case "draft": draft = true
        default: break
        }
        reader.warnAboutUnreadCanonicalKeys()
        let directApply = reader.bool(.directApply)
        let categories = reader.list(.category)
        let identifier = readIdentifier(&reader, identity: identity)
        reader.warnAboutFormulas(.title, title)
        reader.warnAboutFormulas(.description, summary)
        categories.forEach { reader.warnAboutFormulas(.category, $0) }
        guard let title = title.map({ PublishedText.line(decodeReferences($0)) }), let identity, let dates, let identifier else { return nil }
        var posting = Posting(Posting.Fields(
            source: PostingSource(displayPath: file.displayPath, relativePath: file.path.relativePath,
                                  absolutePath: file.absolutePath, keyLines: KeyLines(keyLines(reader))),
            language: identity.language, slug: identity.slug, translationKey: identity.translationKey,
            title: title, summary: PublishedText.block(summary), body: PublishedText.block(body), datePosted: dates.posted, isUndated: dates.isUndated, dateModified: dates.modified,
            validThrough: dates.closing, isArchived: archived, isDraft: draft, employmentTypes: employment,
            locations: place.locations.map(Self.published), remote: place.remote, salary: salary,
            identifier: identifier,
            directApply: directApply, url: "", applyURL: "", categories: categories.map(PublishedText.line).filter { !$0.isEmpty }))
        PostingLinks.resolve(&posting, reader: &reader, path: file.path)
        return posting
    }

    private func readTitle(_ reader: inout FieldReader) -> String? {
        let node = reader.node(.title)
        let written = node?.scalarText
        if node == nil || written?.trimmed.isEmpty == true {
            reader.error(.title, "missing required field '\(reader.key(.title))'; add a 'title:' line to the front matter")
            return nil
        }
        if let written, PublishedText.visibleLine(written).isEmpty {
            // Published, it would be an empty title in every feed and export.
            reader.error(.title, "the title shows nothing: it has only spaces, control and invisible characters; write the title")
            return nil
        }
        guard let title = reader.words(.title) else { return nil }
        guard title.count <= config.limits.maxTitleLength else {
            reader.error(.title, "the title is \(title.count) characters long, above the limit of \(config.limits.maxTitleLength) (limits.maxTitleLength); shorten it")
            return nil
        }
        return title
    }

    /// The identifier as the exports carry it (Indeed's reference numbers, which must be
    /// unique, are made from it): without characters no reader sees, which XML drops anyway,
    /// so that two identifiers that differ only by them are not published as one. The
    /// translation key, then the slug, when none is written.
    private func readIdentifier(_ reader: inout FieldReader, identity: PostingIdentity?) -> String? {
        guard let written = reader.text(.identifier) else {
            return identity.map { $0.translationKey.map(PublishedText.visibleLine).flatMap(\.nilIfEmpty) ?? $0.slug }
        }
        let kept = PublishedText.visibleLine(written)
        if kept.isEmpty {
            reader.error(.identifier, "the identifier shows nothing: it has only spaces, control and invisible characters; write the identifier")
            return nil
        }
        if kept != written.trimmed {
            reader.warning(.identifier, "the identifier has control or invisible characters, which are left out: '\(kept)'")
        }
        return kept
    }

    /// An address as the outputs carry it: each part one line (see `PublishedText`).
    private static func published(_ location: Location) -> Location {
        func line(_ part: String?) -> String? { part.map(PublishedText.line).flatMap(\.nilIfEmpty) }
        return Location(street: line(location.street), city: line(location.city), region: line(location.region),
                        postalCode: line(location.postalCode), country: PublishedText.line(location.country))
    }

    private func keyLines(_ reader: FieldReader) -> [String: Int] {
        var lines: [String: Int] = [:]
        for (key, _) in reader.frontMatter {
            if let name = key.scalarText, !reader.isInherited(name), let line = key.mark?.line { lines[name] = line + reader.source.lineOffset }
        }
        for field in PostingField.allCases {
            if let line = lines[reader.key(field)] { lines[field.rawValue] = line }
        }
        return lines
    }

    /// A bare closing date ends the job at the end of that day, except on a Hugo site, where
    /// `expiryDate: 2026-12-15` takes the page down at the start of the day (the feed must not
    /// link to a page that is gone).
    private var closingBoundary: DateParser.Boundary {
        config.conventions == .hugo ? .startOfDay : .endOfDay
    }

    private func readDates(_ reader: inout FieldReader, file: PostingFile) -> (posted: Timestamp, isUndated: Bool, modified: Timestamp, closing: Timestamp?, heldBack: Bool)? {
        let ownDate = reader.date(.date)
        let modified = reader.date(.updated)
        let closing = reader.date(.validThrough, boundary: closingBoundary)
        if reader.own(.date) != nil, ownDate == nil, reader.diagnostics.contains(where: { $0.severity == .error }) { return nil }
        var posted: Timestamp
        if let ownDate {
            posted = ownDate
        } else if config.conventions == .jekyll, let fromName = JekyllFileName.date(of: file.path.relativePath, parser: reader.dates) {
            posted = fromName
        } else {
            let fallback = fallbackDates.date(for: file)
            if let warning = fallback.warning { reader.record(warning) }
            posted = fallback.date
        }
        if let closing, closing < posted, ownDate != nil {
            reader.error(.validThrough, "'\(reader.key(.validThrough))' is before the posting's date ('\(reader.key(.date))'); fix one of the two dates")
        }
        let hidden = UnreadVisibilityKeys(&reader, posted: posted)
        if let notBefore = hidden.notBefore { posted = notBefore }
        let lastDay = [closing, hidden.notAfter].compactMap { $0 }.min()
        return (posted, ownDate == nil && hidden.notBefore == nil, max(modified ?? posted, posted), lastDay, hidden.heldBack)
    }

    /// Jekyll's `published: false` keeps a page out of the site like a draft.
    private func readUnpublished(_ reader: inout FieldReader) -> Bool {
        guard config.conventions == .jekyll, let node = reader.values["published"] else { return false }
        return node.boolValue == false
    }

    /// A site's own status field, mapped by the config to active, archived or draft.
    private func readStatus(_ reader: inout FieldReader) -> String? {
        guard config.fieldSources[.status]?.values != nil else { return nil }
        return reader.text(.status)
    }

    private func readEmploymentTypes(_ reader: inout FieldReader) -> [EmploymentType] {
        if reader.node(.employmentType) == nil {
            reader.record(.warning("no '\(reader.key(.employmentType))'; Google recommends one: add 'employmentType: FULL_TIME' (or set it under 'defaults:')", at: SourceLocation(file: reader.source.file)))
        }
        var types: [EmploymentType] = []
        for text in reader.list(.employmentType) {
            if let type = EmploymentType(text: text) {
                if !types.contains(type) { types.append(type) }
            } else {
                let nearest = Suggestion.nearest(to: EmploymentType.normalize(text), in: EmploymentType.suggestions)
                    .flatMap(EmploymentType.init(text:))?.rawValue
                let hint = nearest.map { "did you mean '\($0)'?" } ?? "use one of " + EmploymentType.allCases.map(\.rawValue).joined(separator: ", ")
                reader.error(.employmentType, "unknown employment type '\(text)'; \(hint)")
            }
        }
        return types
    }
}
