import Foundation

/// One output format, in the manner of Publish's generators: what it renders for each posting
/// (its part, on any core while the posting's chunk renders, cacheable by format id), and the
/// writers of its target files (one per language, or one for the site), which take each chunk
/// of rendered postings in turn and stream them to their staged files.
///
/// Adding a format is one folder under `Formats/` and one line in `OutputFormats.every`.
protocol OutputFormat: Sendable {
    /// Names the format in caches and diagnostics.
    var id: String { get }
    /// One posting's part; nil when the format has nothing for it, or writes its items as it
    /// writes its targets (the feeds, whose XML writer is one stream).
    func part(_ entry: RenderedEntry, cache: BuildCache?) throws(RenderError) -> FormatPart?
    /// This build's writers, one per target file.
    func writers(_ build: FormatBuild) throws(DiagnosticError) -> [any FormatWriter]
    /// The files it writes (besides per-posting files in a folder it owns), so that a site that
    /// turns it off does not keep publishing its last ones.
    func files(_ config: Config) -> [URL]
    /// Folders it owns, with the extension of its files there (the per-posting JSON-LD files).
    func ownedFolders(_ config: Config) -> [(folder: URL, pathExtension: String)]
    /// The subscriber feeds it writes and where they are served, for a WebSub hub to hear of.
    func subscriberFeeds(_ config: Config) -> [(file: URL, url: String)]
}

extension OutputFormat {
    func part(_ entry: RenderedEntry, cache: BuildCache?) throws(RenderError) -> FormatPart? { nil }

    func ownedFolders(_ config: Config) -> [(folder: URL, pathExtension: String)] { [] }

    func subscriberFeeds(_ config: Config) -> [(file: URL, url: String)] { [] }
}

/// A posting's rendered bytes for one format, and their digest when a cache computed it.
struct FormatPart: Sendable {
    var data: Data
    var digest: UInt64?
}

/// One target being written, a chunk at a time; used by one thread at a time.
protocol FormatWriter: AnyObject, Sendable {
    /// Writes the chunk's postings; returns the per-posting files it decided (for a format
    /// with a file per posting), to be renamed into place with everything else.
    func append(_ chunk: RenderedChunk) throws(DiagnosticError) -> [(String, PlannedFile)]
    /// Ends the target and puts it, and anything it knows about its files, in the plan.
    func finish(into plan: inout OutputPlan) throws(DiagnosticError)
}

/// What a format's writers need from the build.
struct FormatBuild {
    let context: PublishingContext
    /// Decides per-posting files against what is on disk, and stages the changed ones.
    let files: OutputWriter

    var config: Config { context.config }

    /// Where an output renders to: a staged file when the build writes, else memory.
    func output(_ url: URL) throws(DiagnosticError) -> PendingOutput {
        try context.output(url)
    }
}

/// A chunk of postings as every format sees it: each posting with its body and each
/// format's part.
struct RenderedChunk: Sendable {
    struct Item: Sendable {
        var entry: RenderedEntry
        var parts: [String: FormatPart]
    }

    var items: [Item] = []
    var diagnostics: [Diagnostic] = []
    /// A part that could not be rendered stops the build (a JSON-LD document that cannot be encoded).
    var failure: RenderError?
    /// A stop was asked for part way: the chunk is incomplete and must not be written.
    var stopped = false

    var entries: [RenderedEntry] { items.map(\.entry) }
}
