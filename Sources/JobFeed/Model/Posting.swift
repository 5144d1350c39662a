/// One job posting in one language, read from one Markdown file and checked.
///
/// A value with its fields behind one shared, copy-on-write reference: a posting is copied at
/// every stage of a build (cache, pairing, catalog, chunks), and copying two dozen strings and
/// arrays retained each of them, a fifth of a watcher's rebuild.
public struct Posting: Sendable, Hashable {
    private var storage: Storage

    public init(source: PostingSource, language: String, slug: String, translationKey: String?, title: String,
                summary: String, body: String, datePosted: Timestamp, dateModified: Timestamp,
                validThrough: Timestamp?, isArchived: Bool, isDraft: Bool, employmentTypes: [EmploymentType],
                locations: [Location], remote: RemoteWork?, salary: Salary?, identifier: String,
                directApply: Bool, url: String, applyURL: String, categories: [String]) {
        storage = Storage(Fields(source: source, language: language, slug: slug,
                             translationKey: translationKey, title: title, summary: summary, body: body,
                             datePosted: datePosted, dateModified: dateModified, validThrough: validThrough,
                             isArchived: isArchived, isDraft: isDraft, employmentTypes: employmentTypes,
                             locations: locations, remote: remote, salary: salary, identifier: identifier,
                             directApply: directApply, url: url, applyURL: applyURL, categories: categories))
    }

    public var source: PostingSource { get { storage.fields.source } set { mutate { $0.source = newValue } } }
    public var language: String { get { storage.fields.language } set { mutate { $0.language = newValue } } }
    public var slug: String { get { storage.fields.slug } set { mutate { $0.slug = newValue } } }
    public var translationKey: String? { get { storage.fields.translationKey } set { mutate { $0.translationKey = newValue } } }
    public var title: String { get { storage.fields.title } set { mutate { $0.title = newValue } } }
    public var summary: String { get { storage.fields.summary } set { mutate { $0.summary = newValue } } }
    public var body: String { get { storage.fields.body } set { mutate { $0.body = newValue } } }
    public var datePosted: Timestamp { get { storage.fields.datePosted } set { mutate { $0.datePosted = newValue } } }
    public var dateModified: Timestamp { get { storage.fields.dateModified } set { mutate { $0.dateModified = newValue } } }
    public var validThrough: Timestamp? { get { storage.fields.validThrough } set { mutate { $0.validThrough = newValue } } }
    public var isArchived: Bool { get { storage.fields.isArchived } set { mutate { $0.isArchived = newValue } } }
    public var isDraft: Bool { get { storage.fields.isDraft } set { mutate { $0.isDraft = newValue } } }
    public var employmentTypes: [EmploymentType] { get { storage.fields.employmentTypes } set { mutate { $0.employmentTypes = newValue } } }
    public var locations: [Location] { get { storage.fields.locations } set { mutate { $0.locations = newValue } } }
    public var remote: RemoteWork? { get { storage.fields.remote } set { mutate { $0.remote = newValue } } }
    public var salary: Salary? { get { storage.fields.salary } set { mutate { $0.salary = newValue } } }
    public var identifier: String { get { storage.fields.identifier } set { mutate { $0.identifier = newValue } } }
    public var directApply: Bool { get { storage.fields.directApply } set { mutate { $0.directApply = newValue } } }
    public var url: String { get { storage.fields.url } set { mutate { $0.url = newValue } } }
    public var applyURL: String { get { storage.fields.applyURL } set { mutate { $0.applyURL = newValue } } }
    public var categories: [String] { get { storage.fields.categories } set { mutate { $0.categories = newValue } } }

    /// The folders between the language root and the file (`careers`), for `{section}` in templates.
    public var section: String {
        guard let slash = slug.lastIndex(of: "/") else { return "" }
        return String(slug[..<slash])
    }

    public static func == (left: Posting, right: Posting) -> Bool {
        left.storage === right.storage || left.storage.fields == right.storage.fields
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(storage.fields)
    }

    /// Mutations are rare (the parser's last steps); reads are everywhere, and reading a
    /// constant needs none of the exclusivity checks a variable in a class would.
    private mutating func mutate(_ change: (inout Fields) -> Void) {
        var fields = storage.fields
        change(&fields)
        storage = Storage(fields)
    }

    private final class Storage: Sendable {
        let fields: Fields

        init(_ fields: Fields) {
            self.fields = fields
        }
    }

    private struct Fields: Sendable, Hashable {
        /// Where it came from (file and front-matter lines).
        var source: PostingSource
        var language: String
        /// The path below the language root without extension, e.g. `careers/designer`.
        var slug: String
        var translationKey: String?
        var title: String
        /// The short summary (`description` in front matter).
        var summary: String
        /// The Markdown body.
        var body: String
        var datePosted: Timestamp
        var dateModified: Timestamp
        var validThrough: Timestamp?
        var isArchived: Bool
        var isDraft: Bool
        var employmentTypes: [EmploymentType]
        var locations: [Location]
        /// Countries applicants may live in, when the job can be done remotely.
        var remote: RemoteWork?
        var salary: Salary?
        var identifier: String
        var directApply: Bool
        var url: String
        var applyURL: String
        var categories: [String]
    }
}

public struct PostingSource: Sendable, Hashable {
    /// The path printed in diagnostics.
    public var displayPath: String
    /// The path below the postings folder.
    public var relativePath: String
    public var absolutePath: String
    /// The 1-based line of each front-matter key in the file.
    public var keyLines: [String: Int]
    /// The file's version when it was read (for the watcher's cache).
    public var stamp: FileStamp?

    public func location(ofKey key: String) -> SourceLocation {
        SourceLocation(file: displayPath, line: keyLines[key])
    }
}

public struct RemoteWork: Sendable, Hashable {
    /// ISO 3166-1 codes or names of the countries applicants may live in.
    public var applicantCountries: [String]
}
