import Foundation
import JobFeedCore

/// `jobfeed init`: writes a `jobfeed.yml` for an existing site from what its generator's config
/// says (base URL, languages, titles, content folder, time zone) and what its postings' front
/// matter holds (the mapping `MappingInference` finds), with a comment for every inference.
public struct SiteInit: Sendable {
    public var root: URL
    public var postings: String?
    public var baseURL: String?

    public init(root: URL, postings: String? = nil, baseURL: String? = nil) {
        self.root = root
        self.postings = postings
        self.baseURL = baseURL
    }

    public struct Result: Sendable {
        public var configText: String
        /// What was inferred, one line each, for the person running `init`.
        public var notes: [String]
        public var questions: [String]
    }

    package static let sections = ["jobs", "careers", "job-postings", "postings", "positions", "openings", "join", "join-our-team", "vacancies",
                                   "emplois", "carrieres", "carrières", "offres-emploi", "postes", "empleos", "karriere", "stellenangebote", "vacatures"]

    public func run() -> Result {
        let site = GeneratorSite.inspect(root)
        var notes: [String] = []
        var questions: [String] = []
        if let file = site.configFile { notes.append("read \(file): a \(site.conventions.rawValue) site") }
        let place = postingsPlace(site)
        let (folder, section) = (place.folder, place.section)
        notes.append("postings: \(folder)")
        if !place.otherContent.isEmpty { notes.append("not the job section, excluded: " + place.otherContent.joined(separator: ", ")) }
        for code in place.languagesWithoutSection {
            questions.append("no job section found in \(folder)/\(code)/: every page there is read as a posting; name its other sections in 'exclude:'")
        }
        let codes = site.languages.map(\.code)
        let candidates = codes.isEmpty ? Self.commonLanguages : codes
        let exclude = place.otherContent.map(ConfigWriter.literalPattern)
        let inherited = inheritedFrontMatter(site, folder: folder, languages: candidates, exclude: exclude, notes: &notes)
        let survey = FrontMatterSurvey(root: root.appendingPathComponent(folder), candidateLanguages: candidates, exclude: exclude, inherited: inherited)
        notes.append("read the front matter of \(survey.files) posting files")
        if !survey.withoutFrontMatter.isEmpty {
            notes.append("not postings (no front matter), excluded: " + survey.withoutFrontMatter.joined(separator: ", "))
        }
        var languages = site.languages
        if languages.isEmpty {
            let found = survey.pathLanguages.keys.sorted()
            languages = (found.isEmpty ? ["en"] : found).enumerated().map { GeneratorSite.Language(code: $1, title: site.title, weight: $0) }
        }
        let zone = site.timeZone ?? "UTC"
        let inference = MappingInference(survey, conventions: site.conventions, timeZone: TimeZone(identifier: zone) ?? .gmt)
        notes += inference.mappings.map(\.reason)
        questions += inference.questions
        var base = baseURL ?? site.baseURL
        if base == nil {
            base = "https://example.org/"
            questions.append("no base URL found: the config says https://example.org/; set 'baseURL:' (or run init with --base-url)")
        }
        let template = postingTemplate(site, inference: inference, place: place, multilingual: languages.count > 1,
                                       jekyllDefaults: inherited as? JekyllDefaults)
        notes.append("posting URLs: \(template)")
        if site.conventions == .jekyll, let section, !site.outputCollections.contains(section) {
            questions.append("Jekyll renders no page for each document of the '\(section)' collection ('output: true' is not set for it in _config.yml), so the posting URLs name pages that do not exist: set 'output: true', or point urls.posting at the page that lists the jobs")
        }
        if let token = template.replacing(/\{[^}]*\}/, with: "").firstMatch(of: /:[a-z_]+/) {
            questions.append("the site's permalink uses '\(token.output)', which jobfeed does not fill: replace it in urls.posting, and check the URLs 'jobfeed check' shows")
        }
        if !inference.mappings.contains(where: { $0.field == .employmentType }) {
            questions.append("no employment type found: if every job is full time, add 'employmentType: FULL_TIME' under 'defaults:' (Google recommends one)")
        }
        let listing = Self.languagePrefix(site, multilingual: languages.count > 1) + (section.map { $0 + "/" } ?? "")
        let text = ConfigWriter(site: site, languages: languages, baseURL: base!, timeZone: zone, folder: folder, template: template,
                                listing: listing.isEmpty ? "./" : listing, inference: inference, notPostings: place.otherContent + survey.withoutFrontMatter).text
        return Result(configText: text, notes: notes, questions: questions)
    }

    package static let commonLanguages = ["en", "fr", "es", "de", "it", "pt", "nl", "ja", "zh"]

    /// The explicit folder, else the first job-like section the generator's layout has.
    private func postingsPlace(_ site: GeneratorSite) -> PostingsPlace {
        if let postings { return PostingsPlace(folder: postings) }
        let exists = { (path: String) in FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path) }
        switch site.conventions {
        case .hugo:
            for section in Self.sections where exists(site.contentFolder + "/" + section) { return PostingsPlace(folder: site.contentFolder + "/" + section, section: section) }
            return PostingsPlace.perLanguage(site, root: root, sections: Self.sections) ?? PostingsPlace(folder: site.contentFolder)
        case .jekyll:
            // Collections, `_posts` among them, are in `collections_dir` when the site sets one.
            let base = site.contentFolder == "." ? "" : site.contentFolder + "/"
            for section in Self.sections where exists(base + "_" + section) { return PostingsPlace(folder: base + "_" + section, section: section) }
            return PostingsPlace(folder: exists(base + "_posts") ? base + "_posts" : ".")
        case .none:
            for section in Self.sections where exists(section) { return PostingsPlace(folder: section, section: section) }
            return PostingsPlace(folder: ".")
        }
    }

    private func postingTemplate(_ site: GeneratorSite, inference: MappingInference, place: PostingsPlace, multilingual: Bool,
                                 jekyllDefaults: JekyllDefaults?) -> String {
        let section = place.section
        if let key = inference.permalinkKey { return "{\(key):path}" }
        if site.conventions == .jekyll, let section {
            // A collection without a permalink of its own: Jekyll's `/:collection/:path`, with
            // the site's permalink style's ending (`/` for `pretty`, else `.html`).
            // A permalink its defaults give the collection's pages wins over the collection's.
            let style = site.permalinkStyle ?? "date"
            let pattern = jekyllDefaults?.permalinkPattern(forPath: place.folder + "/posting.md") ?? site.collectionPermalinks[section]
                ?? "/:collection/:path" + (style == "pretty" || style.hasSuffix("/") ? "/" : ":output_ext")
            return Self.jekyllTemplate(pattern, collection: section)
        }
        let prefix = Self.languagePrefix(site, multilingual: multilingual)
        if site.conventions == .hugo, let section, let pattern = site.sectionPermalinks[section] {
            return prefix + Self.hugoTemplate(pattern, section: section)
        }
        return prefix + (place.sectionInSlug ? "" : section.map { $0 + "/" } ?? "") + "{slug}/"
    }

    /// What the postings inherit, which the build applies too (a Hugo site's section pages'
    /// cascades, a Jekyll site's defaults); nil on other sites, and when it cannot be read (the
    /// check that follows says why).
    private func inheritedFrontMatter(_ site: GeneratorSite, folder: String, languages: [String], exclude: [String],
                                      notes: inout [String]) -> (any InheritedFrontMatter)? {
        let inherited: any InheritedFrontMatter
        switch site.conventions {
        case .hugo:
            let defaultLanguage = Config.hugoDefaultLanguage(site.defaultLanguage, languages: languages)
            let finder = SectionPageFinder(postings: root.appendingPathComponent(folder), configFolder: root, languages: languages,
                                           defaultLanguage: defaultLanguage, exclude: exclude)
            guard let found = try? finder.find() else { return nil }
            let siteConfig = site.configFile.flatMap(siteFile)
            inherited = HugoCascades(pages: found.pages, siteConfig: siteConfig, contentFolder: found.contentFolder, languages: languages,
                                     defaultLanguage: defaultLanguage)
            let alsoConfig = siteConfig.map { " and of \($0.displayPath)" } ?? ""
            if !inherited.isEmpty { notes.append("read the cascade: of \(found.pages.count) section pages\(alsoConfig) (their keys count as the postings' own)") }
        case .jekyll:
            guard let file = siteFile("_config.yml") else { return nil }
            inherited = JekyllDefaults(file: file)
            if !inherited.isEmpty { notes.append("read the defaults: of _config.yml (their values count as the postings' own)") }
        case .none:
            return nil
        }
        return inherited.diagnostics.isEmpty ? inherited : nil
    }

    /// The site's file at `name` (below its folder), when it is UTF-8 text.
    private func siteFile(_ name: String) -> SiteFile? {
        let path = root.appendingPathComponent(name).path
        guard let data = FileManager.default.contents(atPath: path), let text = String(validating: data, as: UTF8.self) else { return nil }
        return SiteFile(path: path, displayPath: name, text: text)
    }

    /// Each language's folder in its pages' URLs: none on a site with one language, and none for
    /// the default language of a Hugo site that keeps its pages at the root (Hugo's default).
    private static func languagePrefix(_ site: GeneratorSite, multilingual: Bool) -> String {
        guard multilingual else { return "" }
        return site.conventions == .hugo && !site.defaultLanguageInSubdir ? "{langPrefix}" : "{lang}/"
    }

    /// `/careers/:year/:slug/` → `careers/{year}/{hugoSlug}/`.
    package static func hugoTemplate(_ pattern: String, section: String) -> String {
        let tokens = [(":slugorfilename", "{hugoSlugOrFilename}"), (":filename", "{hugoFilename}"), (":title", "{hugoTitle}"),
                      (":slug", "{hugoSlug}"), (":sections", "{hugoSections}"), (":section", section)]
            + PermalinkDate.hugoTokens.map { (":" + $0, "{\($0)}") }
        return replacing(tokens, in: pattern.hasPrefix("/") ? String(pattern.dropFirst()) : pattern)
    }

    /// `/jobs/:year/:name/` → `jobs/{year}/{file}/`; a built-in style (`pretty`) as its pattern.
    package static func jekyllTemplate(_ pattern: String, collection: String) -> String {
        let styles = ["date": "/:categories/:year/:month/:day/:title:output_ext", "pretty": "/:categories/:year/:month/:day/:title/",
                      "ordinal": "/:categories/:year/:y_day/:title:output_ext", "none": "/:categories/:title:output_ext"]
        var text = styles[pattern] ?? pattern
        if text.hasPrefix("/") { text.removeFirst() }
        let tokens = [(":collection", collection), (":name", "{file}"), (":title", "{jekyllTitle}"), (":slug", "{name}"), (":path", "{jekyllPath}"),
                      (":output_ext", ".html")] + PermalinkDate.jekyllTokens.map { (":" + $0, "{\($0)}") }
        return replacing(tokens, in: text)
    }

    /// Each token replaced, longest first, so that `:year` does not take the end of
    /// `:short_year` nor `:slug` the start of `:slugorfilename`.
    private static func replacing(_ tokens: [(String, String)], in pattern: String) -> String {
        tokens.sorted { $0.0.count > $1.0.count }.reduce(pattern) { text, token in text.replacingOccurrences(of: token.0, with: token.1) }
    }
}
