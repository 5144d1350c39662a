import Foundation
import JobFeedCore
import Yams

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
}
