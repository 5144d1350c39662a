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

    package func append(_ chunk: RenderedChunk) throws(DiagnosticError) {
        for item in chunk.items where item.entry.status == .active {
            guard let job = item.parts[kind: format] else { continue }
            let reopened = try sharedReference(of: item.entry.posting).map { reference throws(DiagnosticError) in
                try self.reopened(job, of: item.entry.posting, from: reference.usual, to: reference.shared)
            }
            do {
                if let reopened { try xml.appendRecorded(reopened) } else { try xml.append(job) }
            } catch {
                throw Self.failure(error, output.path)
            }
        }
    }

    /// For a posting whose usual reference (`IndeedJob.reference(of:)`) another active posting
    /// of its language shares: that one, and the one it takes instead (with its slug).
    private func sharedReference(of posting: Posting) -> (usual: String, shared: String)? {
        guard !shared.isEmpty else { return nil }
        let usual = IndeedJob.reference(of: posting)
        return shared.contains(usual) ? (usual, usual + "-" + posting.slug) : nil
    }

    /// The job with `reference` in place of the `usual` one its part opens with (made from
    /// the same fields: the part is cached for the posting file as it is).
    private func reopened(_ job: FormatPart, of posting: Posting, from usual: String, to reference: String) throws(DiagnosticError) -> Data {
        let opening = IndeedJob.opening(posting, reference: usual)
        guard let bytes = job.data(), bytes.starts(with: opening) else {
            throw DiagnosticError(.error("cannot read a job back from the build cache; run the build again",
                                         at: SourceLocation(file: DisplayPath.of(path: output.path))))
        }
        return IndeedJob.opening(posting, reference: reference) + bytes.dropFirst(opening.count)
    }

    package var partKind: String? { format }

    /// A job with a shared reference is written anew from its bytes; any other is copied from
    /// the last file when it lies there.
    package func needsBytes(of entry: CatalogEntry, part: FormatPart) -> Bool {
        entry.status == .active && (sharedReference(of: entry.posting) != nil || !output.sink.copies(part))
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
