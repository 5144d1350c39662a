import Foundation
import JobFeedCore

/// One output format, in the manner of Publish's generators: what it renders for each posting
/// (its part, on any core while the posting's chunk renders, cacheable by format id), and the
/// writers of its target files (one per language, or one for the site), which take each chunk
/// of rendered postings in turn and stream them to their staged files.
///
/// Adding a format is one folder under `Formats/` and one line in `OutputFormats.every`.
package protocol OutputFormat: Sendable {
    /// Names the format in the config's `outputs:`, in caches and in diagnostics.
    static var id: String { get }

    init(config: Config)

    /// One posting's part; nil when the format has nothing for it, or writes its items as it
    /// writes its targets (the feeds, whose XML writer is one stream). Its bytes may depend on
    /// the posting's file, URL, status and translations, and on the config: the build caches
    /// them on those.
    func part(_ entry: RenderedEntry) throws(RenderError) -> Data?
    /// This build's writers, one per target file.
    func writers(_ build: FormatBuild) throws(DiagnosticError) -> [any FormatWriter]
    /// The files it writes (besides per-posting files in a folder it owns), so that a site that
    /// turns it off does not keep publishing its last ones.
    func files(_ config: Config) -> [URL]
    /// Folders it owns, with the extension of its files there (the per-posting JSON-LD files).
    func ownedFolders(_ config: Config) -> [(folder: URL, pathExtension: String)]
    /// The subscriber feeds it writes and where they are served, for a WebSub hub to hear of.
    func subscriberFeeds(_ config: Config) -> [(file: URL, url: String)]
    /// What must hold of any file it writes, whatever the postings held; the problems found in
    /// `bytes`, one of its files. The fuzzer and the output tests check every output with it.
    func violations(in bytes: Data) -> [String]
}

extension OutputFormat {
    package var id: String { Self.id }

    package func part(_ entry: RenderedEntry) throws(RenderError) -> Data? { nil }

    package func ownedFolders(_ config: Config) -> [(folder: URL, pathExtension: String)] { [] }

    package func subscriberFeeds(_ config: Config) -> [(file: URL, url: String)] { [] }

    /// Whether the file at `path` is one it writes: one of its files, or a file with its
    /// extension in a folder it owns.
    package func writes(_ path: String, config: Config) -> Bool {
        if files(config).contains(where: { $0.standardizedFileURL.path == path }) { return true }
        return ownedFolders(config).contains { folder, pathExtension in
            path.hasPrefix(folder.standardizedFileURL.path + "/") && path.hasSuffix("." + pathExtension)
        }
    }
}

/// A posting's rendered bytes for one format, and their digest when a cache computed it.
package struct FormatPart: Sendable {
    package var data: Data
    package var digest: UInt64?

    package init(data: Data, digest: UInt64? = nil) {
        self.data = data
        self.digest = digest
    }
}

/// One target being written, a chunk at a time; used by one thread at a time.
package protocol FormatWriter: AnyObject, Sendable {
    /// Writes the chunk's postings; returns the per-posting files it decided (for a format
    /// with a file per posting), to be renamed into place with everything else.
    func append(_ chunk: RenderedChunk) throws(DiagnosticError) -> [(String, PlannedFile)]
    /// Ends the target and puts it, and anything it knows about its files, in the plan.
    func finish(into plan: inout OutputPlan) throws(DiagnosticError)
}

/// What a format's writers need from the build, which the publishing layer provides.
package struct FormatBuild {
    package let config: Config
    package let catalog: Catalog
    package let destination: OutputDestination
    /// What a long-running process rendered before.
    package let cache: RenderCache?
    private let makeOutput: (URL) throws(DiagnosticError) -> PendingOutput
    private let prepareFile: @Sendable (String, Data, UInt64?) -> PreparedFile

    /// - Parameters:
    ///   - output: where an output renders to: a staged file when the build writes, else memory.
    ///   - prepare: decides a per-posting file against what is on disk, and stages it when it changed.
    package init(config: Config, catalog: Catalog, destination: OutputDestination, cache: RenderCache?,
                 output: @escaping (URL) throws(DiagnosticError) -> PendingOutput,
                 prepare: @escaping @Sendable (String, Data, UInt64?) -> PreparedFile) {
        self.config = config
        self.catalog = catalog
        self.destination = destination
        self.cache = cache
        makeOutput = output
        prepareFile = prepare
    }

    /// Where an output renders to: a staged file when the build writes, else memory.
    package func output(_ url: URL) throws(DiagnosticError) -> PendingOutput {
        try makeOutput(url)
    }

    /// A per-posting file (path, bytes and their digest when known), decided now.
    package var prepare: @Sendable (String, Data, UInt64?) -> PreparedFile { prepareFile }
}

/// A chunk of postings as every format sees it: each posting with its body and each
/// format's part.
package struct RenderedChunk: Sendable {
    package struct Item: Sendable {
        package var entry: RenderedEntry
        package var parts: [String: FormatPart]

        package init(entry: RenderedEntry, parts: [String: FormatPart]) {
            self.entry = entry
            self.parts = parts
        }
    }

    package var items: [Item] = []
    package var diagnostics: [Diagnostic] = []
    /// A part that could not be rendered stops the build (a JSON-LD document that cannot be encoded).
    package var failure: RenderError?
    /// A stop was asked for part way: the chunk is incomplete and must not be written.
    package var stopped = false

    package var entries: [RenderedEntry] { items.map(\.entry) }

    package init(items: [Item] = [], diagnostics: [Diagnostic] = [], failure: RenderError? = nil) {
        self.items = items
        self.diagnostics = diagnostics
        self.failure = failure
    }
}
