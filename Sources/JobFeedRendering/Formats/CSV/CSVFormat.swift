import Foundation
import JobFeedCore

/// `exports/postings.csv`: a record per published posting (active, archived or expired) of
/// every language, for aggregators' bulk imports (see `CSVRenderer`).
package struct CSVFormat: OutputFormat {
    package let renderer: CSVRenderer

    package init(config: Config) {
        renderer = CSVRenderer(config: config)
    }

    package static let id = "csv"
    /// Published postings (every one in the catalog) have a record.
    package static let partStatuses = Set(PostingStatus.allCases.filter(\.isPublished))

    package func violations(in bytes: Data) -> [String] {
        CSVShape.problems(String(decoding: bytes, as: UTF8.self))
    }

    package func files(_ config: Config) -> [URL] {
        [config.exportsDirectory.appendingPathComponent(CSVRenderer.fileName)]
    }

    package func part(_ entry: RenderedEntry) throws(RenderError) -> Data? {
        Data(renderer.line(entry))
    }

    package func writers(_ build: FormatBuild) throws(DiagnosticError) -> [any FormatWriter] {
        [try build.export(build.config.exportsDirectory.appendingPathComponent(CSVRenderer.fileName), format: id, partKind: id) { output in
            CSVTableWriter(output: output, format: id)
        }]
    }
}

/// The CSV file being written: the header, then each chunk's records.
package final class CSVTableWriter: FormatWriter, @unchecked Sendable {
    package let output: PendingOutput
    private let format: String

    package init(output: PendingOutput, format: String) {
        self.output = output
        self.format = format
        output.sink.write(CSVRenderer.header)
    }

    package func append(_ chunk: RenderedChunk) throws(DiagnosticError) {
        for item in chunk.items {
            if let line = item.parts[kind: format] { output.sink.write(line) }
        }
    }

    package var partKind: String? { format }

    package func needsBytes(of entry: CatalogEntry, part: FormatPart) -> Bool {
        !output.sink.copies(part)
    }

    package func finish(into plan: inout OutputPlan) throws(DiagnosticError) {
        plan.add(output)
    }
}
