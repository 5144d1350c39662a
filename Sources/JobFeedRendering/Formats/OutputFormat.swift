import Foundation
import JobFeedCore

/// One output format, in the manner of Publish's generators: what it renders for each posting
/// (its part, on any core while the posting's chunk renders, cacheable by format id), and the
/// writers of its target files (one per language, or one for the site), which take each chunk
/// of rendered postings in turn and stream them to their staged files.
///
/// Adding a format is one folder under `Formats/` and one line in `OutputFormats.all`.
package protocol OutputFormat: Sendable {
    /// Names the format in the config's `outputs:`, in caches and in diagnostics.
    static var id: String { get }

    init(config: Config)

    /// One posting's part; nil when the format has nothing for it, or writes its items as it
    /// writes its targets (the feeds, whose XML writer is one stream). Its bytes may depend on
    /// the posting's file, URL, status and translations, and on the config: the build caches
    /// them on those.
    func part(_ entry: RenderedEntry) throws(RenderError) -> Data?
    /// The statuses of the postings it has a part for (none by default): both what `part`
    /// renders and what the build's cache keeps.
    static var partStatuses: Set<PostingStatus> { get }
    /// The kind of bytes the build's cache keeps for this posting (its part, its feed item), if
    /// any: when every format's is cached, its body is not rendered at all. One or none, so
    /// that asking (for every posting and format of every build) makes no array.
    func keptKind(for entry: CatalogEntry) -> String?
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

    package static var partStatuses: Set<PostingStatus> { [] }

    /// Its part, for the postings it has one for.
    package func keptKind(for entry: CatalogEntry) -> String? {
        Self.partStatuses.contains(entry.status) ? Self.id : nil
    }

    package func ownedFolders(_ config: Config) -> [(folder: URL, pathExtension: String)] { [] }

    package func subscriberFeeds(_ config: Config) -> [(file: URL, url: String)] { [] }

    /// Whether the file at `path` is one it writes: one of its files, or a file with its
    /// extension in a folder it owns.
    package func writes(_ path: String, config: Config) -> Bool {
        if files(config).contains(where: { $0.standardizedFileURL.path == path }) { return true }
        return ownedFolders(config).contains { folder, pathExtension in
            path.isBelow(folder.standardizedFileURL.path) && path.endsWithBytes("." + pathExtension)
        }
    }
}
