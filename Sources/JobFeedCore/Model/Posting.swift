/// One job posting in one language, read from one Markdown file and checked.
///
/// A value whose fields sit behind one shared, immutable reference: a posting is copied at
/// every stage of a build (cache, pairing, catalog, chunks), and copying two dozen strings and
/// arrays retained each of them, a fifth of a watcher's rebuild. Its fields read and write as
/// properties (`posting.title`); a write copies them.
@dynamicMemberLookup
public struct Posting: Sendable, Hashable {
    @usableFromInline var storage: Storage

    package init(_ fields: Fields) {
        storage = Storage(fields)
    }

    /// Inlinable, so that a field read from another module is a load: through the key path
    /// at run time (`swift_getAtKeyPath`) it was 5 to 7% of a cron build's and a watcher's CPU.
    @inlinable
    public subscript<Value>(dynamicMember field: WritableKeyPath<Fields, Value>) -> Value {
        get { storage.fields[keyPath: field] }
        set { change { $0[keyPath: field] = newValue } }
    }

    /// The folders between the language root and the file (`careers`), for `{section}` in templates.
    public var section: String {
        slug.parentFolder
    }

    public static func == (left: Posting, right: Posting) -> Bool {
        left.storage === right.storage || left.storage.fields == right.storage.fields
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(storage.fields)
    }

    @usableFromInline
    final class Storage: Sendable {
        @usableFromInline let fields: Fields

        @usableFromInline init(_ fields: Fields) {
            self.fields = fields
        }
    }

    public struct Fields: Sendable, Hashable {
        /// Where it came from (file and front-matter lines).
        public var source: PostingSource
        public var language: String
        /// The path below the language root without extension, e.g. `careers/designer`.
        public var slug: String
        public var translationKey: String?
        public var title: String
        /// The short summary (`description` in front matter).
        public var summary: String
        /// The Markdown body.
        public var body: String {
            get { bodyText.text }
            set { bodyText = BodyText(newValue) }
        }

        package var bodyText: BodyText
        public var datePosted: Timestamp
        /// The file gave no date: `datePosted` is git's or the file's, which never makes a
        /// posting wait for its publication.
        public var isUndated: Bool
        public var dateModified: Timestamp
        public var validThrough: Timestamp?
        public var isArchived: Bool
        public var isDraft: Bool
        public var employmentTypes: [EmploymentType]
        public var locations: [Location]
        /// Countries applicants may live in, when the job can be done remotely.
        public var remote: RemoteWork?
        public var salary: Salary?
        public var identifier: String
        public var directApply: Bool
        public var url: String
        public var applyURL: String
        /// The values the config's URL templates read for this posting, kept so that its URLs
        /// can be made again when its slug must change (a slug used twice).
        public var linkValues: [String: String] = [:]
        public var categories: [String]

        package init(source: PostingSource, language: String, slug: String, translationKey: String? = nil, title: String, summary: String, body: String, datePosted: Timestamp, isUndated: Bool, dateModified: Timestamp, validThrough: Timestamp? = nil, isArchived: Bool, isDraft: Bool, employmentTypes: [EmploymentType], locations: [Location], remote: RemoteWork? = nil, salary: Salary? = nil, identifier: String, directApply: Bool, url: String, applyURL: String, linkValues: [String: String] = [:], categories: [String]) {
            self.source = source
            self.language = language
            self.slug = slug
            self.translationKey = translationKey
            self.title = title
            self.summary = summary
            bodyText = BodyText(body)
            self.datePosted = datePosted
            self.isUndated = isUndated
            self.dateModified = dateModified
            self.validThrough = validThrough
            self.isArchived = isArchived
            self.isDraft = isDraft
            self.employmentTypes = employmentTypes
            self.locations = locations
            self.remote = remote
            self.salary = salary
            self.identifier = identifier
            self.directApply = directApply
            self.url = url
            self.applyURL = applyURL
            self.linkValues = linkValues
            self.categories = categories
        }
    }
}

public struct PostingSource: Sendable, Hashable {
    /// The path printed in diagnostics.
    public var displayPath: String
    /// The path below the postings folder.
    public var relativePath: String
    public var absolutePath: String
    /// The 1-based line of each front-matter key in the file.
    public var keyLines: KeyLines
    /// The file's version when it was read (for the watcher's cache).
    public var stamp: FileStamp?

    public func location(ofKey key: String) -> SourceLocation {
        SourceLocation(file: displayPath, line: keyLines[key])
    }

    package init(displayPath: String, relativePath: String, absolutePath: String, keyLines: KeyLines, stamp: FileStamp? = nil) {
        self.displayPath = displayPath
        self.relativePath = relativePath
        self.absolutePath = absolutePath
        self.keyLines = keyLines
        self.stamp = stamp
    }
}

public struct RemoteWork: Sendable, Hashable {
    /// ISO 3166-1 codes or names of the countries applicants may live in.
    public var applicantCountries: [String]

    package init(applicantCountries: [String]) {
        self.applicantCountries = applicantCountries
    }
}
