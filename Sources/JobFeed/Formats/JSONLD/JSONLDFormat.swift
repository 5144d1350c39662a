import Foundation

/// schema.org `JobPosting` JSON-LD to Google's guidelines: a file per active posting, ready to
/// embed in its page (`exports/jsonld/<lang>/<slug>.jsonld`), and all of them in one file
/// (`exports/jobpostings.jsonld`), spliced from the same bytes.
struct JSONLDFormat: OutputFormat {
    let renderer: JSONLDRenderer

    init(config: Config) {
        renderer = JSONLDRenderer(config: config)
    }

    var id: String { "jsonld" }

    func files(_ config: Config) -> [URL] {
        [config.exportsDirectory.appendingPathComponent(CombinedJSONLD.fileName)]
    }

    func ownedFolders(_ config: Config) -> [(folder: URL, pathExtension: String)] {
        [(config.exportsDirectory.appendingPathComponent("jsonld"), "jsonld")]
    }

    /// An active posting's document, from a long-running process's cache when its file is
    /// unchanged.
    func part(_ entry: RenderedEntry, cache: BuildCache?) throws(RenderError) -> FormatPart? {
        guard entry.status == .active else { return nil }
        let source = entry.posting.source
        if let stamp = source.stamp, let cached = cache?.document(source.absolutePath, stamp: stamp, url: entry.posting.url) {
            return FormatPart(data: cached.data, digest: cached.digest)
        }
        let data = try renderer.posting(entry)
        guard let stamp = source.stamp, let cache else { return FormatPart(data: data) }
        return FormatPart(data: data, digest: cache.store(document: data, for: source.absolutePath, stamp: stamp, url: entry.posting.url))
    }

    func writers(_ build: FormatBuild) throws(DiagnosticError) -> [any FormatWriter] {
        let exports = build.config.exportsDirectory
        return [
            PostingDocuments(folder: exports.appendingPathComponent("jsonld"), destination: build.context.destination, files: build.files, format: id),
            CombinedJSONLD(output: try build.output(exports.appendingPathComponent(CombinedJSONLD.fileName)), format: id),
        ]
    }
}

/// `exports/jsonld/<lang>/<slug>.jsonld`: each document compared with the file on disk and
/// staged as soon as it is rendered, so a build need not hold thousands of them; a file whose
/// posting is no longer active is removed.
final class PostingDocuments: FormatWriter, @unchecked Sendable {
    let folder: URL
    private let folderPath: String
    private let destination: OutputDestination
    private let files: OutputWriter
    private let format: String

    init(folder: URL, destination: OutputDestination, files: OutputWriter, format: String) {
        self.folder = folder
        folderPath = folder.standardizedFileURL.path
        self.destination = destination
        self.files = files
        self.format = format
    }

    func append(_ chunk: RenderedChunk) throws(DiagnosticError) -> [(String, PlannedFile)] {
        var planned: [(String, PlannedFile)] = []
        for item in chunk.items {
            guard let document = item.parts[format] else { continue }
            let path = folderPath + "/" + item.entry.posting.language + "/" + item.entry.posting.slug + ".jsonld"
            switch destination {
            case .staged: planned.append((path, .prepared(files.prepare(path, document.data, digest: document.digest))))
            case .memory: planned.append((path, .inMemory(document.data)))
            case .discarded: break
            }
        }
        return planned
    }

    func finish(into plan: inout OutputPlan) throws(DiagnosticError) {
        plan.ownedFolders.append((folder, "jsonld"))
    }
}
