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

    package func append(_ chunk: RenderedChunk) throws(DiagnosticError) -> [(String, PlannedFile)] { [] }

    package func finish(into plan: inout OutputPlan) throws(DiagnosticError) {
        plan.kept.insert(path)
    }
}

/// Whether an output must be rendered.
package enum OutputState {
    /// What it is made from is as it was when the file was written, and the file as written.
    case kept(KeptOutput)
    /// With what it is made from, to record once it is written (nil without a cache).
    case changed(fingerprint: UInt64?)
}

extension FormatBuild {
    /// Whether the feed at `file`, whose items are the postings' `itemKind` bytes, can be left
    /// as it is (the other language's feeds, after an edit).
    package func feedState(_ file: URL, format: String, feed: FeedContext, itemKind: String) -> OutputState {
        state(of: file, fingerprint: fingerprints?.of(format, feed), unneeded: UnneededParts(kind: itemKind, language: feed.language.code))
    }

    /// Whether the site-wide export at `file` can be left as it is (after an edit to a draft).
    /// `header`: what its bytes read besides the published postings; `partKind`: the postings'
    /// bytes only it takes, not to be read back when it is kept.
    package func exportState(_ file: URL, format: String, header: UInt64 = 0, partKind: String? = nil) -> OutputState {
        state(of: file, fingerprint: fingerprints?.ofExport(format, header: header), unneeded: partKind.map { UnneededParts(kind: $0) })
    }

    private func state(of file: URL, fingerprint: UInt64?, unneeded: UnneededParts?) -> OutputState {
        guard let cache, let fingerprint else { return .changed(fingerprint: nil) }
        let path = file.standardizedFileURL.path
        guard cache.outputIsCurrent(path, fingerprint: fingerprint) else { return .changed(fingerprint: fingerprint) }
        return .kept(KeptOutput(path: path, unneeded: unneeded))
    }
}
