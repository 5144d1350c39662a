import Foundation
import JobFeedCore

/// `exports/jobpostings.jsonld` being written: a JSON-LD array of the per-posting documents,
/// spliced from their bytes rather than encoded a second time. Used by one thread at a time.
package final class CombinedJSONLD: FormatWriter, @unchecked Sendable {
    package static let fileName = "jobpostings.jsonld"

    package let output: PendingOutput
    private let format: String
    private var isEmpty = true

    package init(output: PendingOutput, format: String) {
        self.output = output
        self.format = format
        output.sink.write("[\n")
    }

    /// Appends each document of the chunk (which ends with a line break).
    package func append(_ chunk: RenderedChunk) throws(DiagnosticError) {
        for item in chunk.items {
            guard let document = item.parts[kind: format] else { continue }
            if !isEmpty { output.sink.write(",\n") }
            isEmpty = false
            output.sink.write(document, trimmingLast: min(document.length, 1))
        }
    }

    package var partKind: String? { format }

    package func needsBytes(of entry: CatalogEntry, part: FormatPart) -> Bool {
        !output.sink.copies(part, trimmingLast: min(part.length, 1))
    }

    package func finish(into plan: inout OutputPlan) throws(DiagnosticError) {
        output.sink.write(isEmpty ? "]\n" : "\n]\n")
        plan.add(output)
    }
}
