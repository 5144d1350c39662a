import Foundation
import JobFeedCore

/// `indeed.xml` being written from one thread: its header, then each active posting's job,
/// spliced from the bytes its part rendered on any core, then its end.
package final class IndeedWriter: FormatWriter, @unchecked Sendable {
    package let output: PendingOutput
    private let config: Config
    private let xml: XMLWriter
    /// `identifier-lang` references more than one active posting uses.
    private let shared: Set<String>
    private let format: String

    package init(output: PendingOutput, config: Config, shared: Set<String>, updated: Timestamp, format: String) throws(DiagnosticError) {
        self.format = format
        self.output = output
        self.config = config
        self.shared = shared
        do {
            xml = try XMLWriter(sink: output.sink)
            try xml.start(Indeed.source)
            try xml.element(Indeed.publisher, config.organization.name(in: config.languageCodes.first ?? ""))
            try xml.element(Indeed.publisherurl, config.organization.url ?? config.baseURL)
            try xml.element(Indeed.lastBuildDate, DateFormats.rfc3339(updated))
        } catch {
            throw Self.failure(error, output.path)
        }
    }

    package func append(_ chunk: RenderedChunk) throws(DiagnosticError) -> [(String, PlannedFile)] {
        do {
            for item in chunk.items where item.entry.status == .active {
                guard let body = item.parts[kind: format] else { continue }
                let posting = item.entry.posting
                var reference = posting.identifier + "-" + posting.language
                if shared.contains(reference) { reference += "-" + posting.slug }
                try xml.appendRecorded(IndeedJob.opening(title: posting.title, date: posting.datePosted, reference: reference))
                try xml.append(body)
            }
        } catch {
            throw Self.failure(error, output.path)
        }
        return []
    }

    package var partKind: String? { format }

    package func needsBytes(of entry: CatalogEntry, part: FormatPart) -> Bool {
        entry.status == .active && !output.sink.copies(part)
    }

    package func finish(into plan: inout OutputPlan) throws(DiagnosticError) {
        do {
            try xml.end()
            _ = try xml.finish()
        } catch {
            throw Self.failure(error, output.path)
        }
        plan.add(output)
    }

    private static func failure(_ error: XMLWriterError, _ path: String) -> DiagnosticError {
        DiagnosticError(.error("cannot write the Indeed feed: \(error)", at: SourceLocation(file: DisplayPath.of(path: path))))
    }
}
