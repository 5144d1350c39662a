import Foundation
import JobFeedCore

/// schema.org `JobPosting` JSON-LD to Google's guidelines: a file per active posting, ready to
/// embed in its page (`exports/jsonld/<lang>/<slug>.jsonld`), and all of them in one file
/// (`exports/jobpostings.jsonld`), spliced from the same bytes.
package struct JSONLDFormat: OutputFormat {
    package let renderer: JSONLDRenderer

    package init(config: Config) {
        renderer = JSONLDRenderer(config: config)
    }

    package static let id = "jsonld"
    /// Only active postings have one.
    package static let partStatuses: Set<PostingStatus> = [.active]

    /// JSON that can sit inside a `<script>` element: no `<` at all, escaped or not.
    package func violations(in bytes: Data) -> [String] {
        WellFormedness.jsonProblems(bytes) + (bytes.contains(UInt8(ascii: "<")) ? ["holds a raw '<'"] : [])
    }

    package func files(_ config: Config) -> [URL] {
        [config.exportsDirectory.appendingPathComponent(CombinedJSONLD.fileName)]
    }

    package func ownedFolders(_ config: Config) -> [(folder: URL, pathExtension: String)] {
        [(config.exportsDirectory.appendingPathComponent("jsonld"), "jsonld")]
    }

    /// An active posting's document.
    package func part(_ entry: RenderedEntry) throws(RenderError) -> Data? {
        guard Self.partStatuses.contains(entry.status) else { return nil }
        return renderer.posting(entry)
    }

    package func writers(_ build: FormatBuild) throws(DiagnosticError) -> [any FormatWriter] {
        let exports = build.config.exportsDirectory
        let documents = PostingDocuments(folder: exports.appendingPathComponent("jsonld"), destination: build.destination, prepare: build.prepare,
                                         isCurrent: build.isCurrent, format: id, expected: build.catalog.entries.count)
        // Its documents are the per-posting files' too: they are read back for those.
        return [documents, try build.export(exports.appendingPathComponent(CombinedJSONLD.fileName), format: id) { output in
            CombinedJSONLD(output: output, format: id)
        }]
    }
}

/// `exports/jsonld/<lang>/<slug>.jsonld`: each document compared with the file on disk and
/// staged as soon as it is rendered, so a build need not hold thousands of them; a file whose
/// posting is no longer active is removed. The files it decides are kept in a plan of its
/// own, filled on its turns (on either core), and handed over when it finishes: added to the
/// build's plan after each turn, 512 at a time, they took one core while the other waited.
package final class PostingDocuments: FormatWriter, @unchecked Sendable {
    package let folder: URL
    private let folderPath: String
    private let destination: OutputDestination
    private let prepare: @Sendable (String, Data, UInt64?) -> PreparedFile
    private let isCurrent: @Sendable (String, Int, UInt64) -> Bool
    private let format: String
    private var planned = OutputPlan()

    package init(folder: URL, destination: OutputDestination, prepare: @escaping @Sendable (String, Data, UInt64?) -> PreparedFile,
                 isCurrent: @escaping @Sendable (String, Int, UInt64) -> Bool, format: String, expected: Int = 0) {
        self.folder = folder
        // Room for a document per posting at once: grown to 7,420 documents one doubling at a
        // time, the table hashed every path again at each (10,000 postings).
        planned.prepared.reserveCapacity(destination == .staged ? expected : 0)
        folderPath = folder.standardizedFileURL.path
        self.destination = destination
        self.prepare = prepare
        self.isCurrent = isCurrent
        self.format = format
    }

    package func append(_ chunk: RenderedChunk) throws(DiagnosticError) {
        for item in chunk.items {
            guard let document = item.parts[kind: format] else { continue }
            let path = path(of: item.entry.entry)
            // Left in the cache only when every writer that takes it, this one among them,
            // said it needs no bytes: here, that the file is current (`needsBytes`).
            if document.isLeftInCache, let unchanged = unchanged {
                planned.add(path, unchanged)
                continue
            }
            guard let data = document.data() else {
                throw DiagnosticError(.error("cannot read the document back from the build cache; run the build again", at: SourceLocation(file: DisplayPath.of(path: path))))
            }
            switch destination {
            case .staged: planned.add(path, .prepared(prepare(path, data, document.digest)))
            case .memory: planned.add(path, .inMemory(data))
            case .compared: planned.add(path, .compared(differs: ContentComparison.differs(path, data)))
            }
        }
    }

    /// A file known to hold its bytes already, as this destination plans it (memory holds none).
    private var unchanged: PlannedFile? {
        switch destination {
        case .staged: .prepared(PreparedFile(.unchanged))
        case .compared: .compared(differs: false)
        case .memory: nil
        }
    }

    package var partKind: String? { format }

    /// Not for a file that already holds these bytes, as the last build wrote it.
    package func needsBytes(of entry: CatalogEntry, part: FormatPart) -> Bool {
        guard let digest = part.digest else { return true }
        return !isCurrent(path(of: entry), part.length, digest)
    }

    /// Made in one piece: joined by `+`, each of the four joins allocated a string of its
    /// own, for every posting twice a build (asked by `needsBytes`, then by `append`).
    private func path(of entry: CatalogEntry) -> String {
        let posting = entry.posting
        return "\(folderPath)/\(posting.language)/\(posting.slug).jsonld"
    }

    package func finish(into plan: inout OutputPlan) throws(DiagnosticError) {
        plan.addFiles(of: planned)
        planned = OutputPlan()
        plan.ownedFolders.append((folder, "jsonld"))
    }
}
