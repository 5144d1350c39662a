import Foundation

/// `exports/postings.csv`: a record per published posting (active, archived or expired) of
/// every language, for aggregators' bulk imports (see `CSVRenderer`).
struct CSVFormat: OutputFormat {
    let renderer: CSVRenderer

    init(config: Config) {
        renderer = CSVRenderer(config: config)
    }

    var id: String { "csv" }

    func files(_ config: Config) -> [URL] {
        [config.exportsDirectory.appendingPathComponent(CSVRenderer.fileName)]
    }

    func part(_ entry: RenderedEntry, cache: BuildCache?) throws(RenderError) -> FormatPart? {
        FormatPart(data: Data(renderer.line(entry, cache: cache).utf8))
    }

    func writers(_ build: FormatBuild) throws(DiagnosticError) -> [any FormatWriter] {
        [CSVTableWriter(output: try build.output(build.config.exportsDirectory.appendingPathComponent(CSVRenderer.fileName)), format: id)]
    }
}

/// The CSV file being written: the header, then each chunk's records.
final class CSVTableWriter: FormatWriter, @unchecked Sendable {
    let output: PendingOutput
    private let format: String

    init(output: PendingOutput, format: String) {
        self.output = output
        self.format = format
        output.sink.write(CSVRenderer.header)
    }

    func append(_ chunk: RenderedChunk) throws(DiagnosticError) -> [(String, PlannedFile)] {
        for item in chunk.items {
            if let line = item.parts[format]?.data { output.sink.write(line) }
        }
        return []
    }

    func finish(into plan: inout OutputPlan) throws(DiagnosticError) {
        plan.add(output)
    }
}
