import Foundation
import JobFeedCore

/// An output known to be unchanged: left as it is, unrendered.
package final class KeptOutput: FormatWriter {
    package let path: String
    /// Its items: not read back from the cache, as they are not written.
    package let unneeded: UnneededParts?

    package init(path: String, unneeded: UnneededParts? = nil) {
        self.path = path
        self.unneeded = unneeded
    }

    package func append(_ chunk: RenderedChunk) throws(DiagnosticError) {}

    package func finish(into plan: inout OutputPlan) throws(DiagnosticError) {
        plan.kept.insert(path)
    }
}

extension FormatBuild {
    /// The feed at `file`, whose items are the postings' `itemKind` bytes: left as it is when
    /// what it is made from did not change (the other language's feeds, after an edit), else
    /// the writer `make` makes of its output.
    package func feed(_ file: URL, format: String, feed: FeedContext, itemKind: String,
                      _ make: (PendingOutput) throws(DiagnosticError) -> any FormatWriter) throws(DiagnosticError) -> any FormatWriter {
        try writer(of: file, fingerprint: fingerprints?.of(format, feed), unneeded: UnneededParts(kind: itemKind, language: feed.language.code), make)
    }

    /// The sitemap at `file`, left as it is when no active posting's page changed (after an
    /// edit to a posting's text), else the writer `make` makes of its output.
    package func pages(_ file: URL, format: String,
                       _ make: (PendingOutput) throws(DiagnosticError) -> any FormatWriter) throws(DiagnosticError) -> any FormatWriter {
        try writer(of: file, fingerprint: fingerprints?.ofPages(format), unneeded: nil, make)
    }

    /// The site-wide export at `file`, left as it is when no published posting changed (after
    /// an edit to a draft), else the writer `make` makes of its output. `header`: what its
    /// bytes read besides the postings; `partKind`: the postings' bytes only it takes, not
    /// read back when it is kept.
    package func export(_ file: URL, format: String, header: UInt64 = 0, partKind: String? = nil,
                        _ make: (PendingOutput) throws(DiagnosticError) -> any FormatWriter) throws(DiagnosticError) -> any FormatWriter {
        try writer(of: file, fingerprint: fingerprints?.ofExport(format, header: header), unneeded: partKind.map { UnneededParts(kind: $0) }, make)
    }

    /// A kept output when the cache says the file is as it was made from `fingerprint`; else
    /// the writer of an output that records the fingerprint once written.
    private func writer(of file: URL, fingerprint: UInt64?, unneeded: UnneededParts?,
                        _ make: (PendingOutput) throws(DiagnosticError) -> any FormatWriter) throws(DiagnosticError) -> any FormatWriter {
        let path = file.standardizedFileURL.path
        if let cache, let fingerprint, cache.outputIsCurrent(path, fingerprint: fingerprint) { return KeptOutput(path: path, unneeded: unneeded) }
        var output = try self.output(file)
        output.fingerprint = fingerprint
        return try make(output)
    }
}
