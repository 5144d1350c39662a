import Foundation
import JobFeedCore
import JobFeedSystem

/// What a build did, for the summary the command prints.
public struct BuildReport: Sendable {
    public var catalog: Catalog
    public var files: WriteResult
    public var diagnostics: [Diagnostic]
    /// Why the build published nothing, every output left as it was; nil when it published.
    public var withheld: Withheld?
    /// False when the build held everything back (`withheld`).
    public var published: Bool { withheld == nil }
    /// How long each pipeline step took, in order, and by `build` the stretches around them:
    /// preparing the state folder, listing the postings, opening and committing the build
    /// cache, saving the build record (printed by `build --timings`).
    public var timings: [(step: String, duration: Duration)] = []
    /// When the outputs must next change with no file changing (for the watcher's sleep).
    public var nextChange: NextChange?
    /// The posting files' paths and stamps as this build read them.
    package var inputs = StableHash()
    /// Postings whose body this build rendered; every other posting's bytes came from a cache.
    public var bodiesRendered = 0
    /// The diagnostics said once (see `PublishingContext.notices`), among `diagnostics`.
    package var notices: [Diagnostic] = []
    /// Postings' parts copied from the outputs' published files rather than read back from
    /// the build cache or rendered.
    public var partsCopied = 0

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    package func adding(_ notices: [Diagnostic]) -> BuildReport {
        var report = self
        report.diagnostics = notices + diagnostics
        return report
    }

    /// Counts per language and status, and translation pairs: what the summary prints. Kept
    /// apart from the catalog so that a build that found nothing changed can report them too.
    public var counts: Counts = Counts()

    /// Frees the report, and the postings it holds last, on a thread of its own (see
    /// `BackgroundRelease`): for a command that is done with it and about to exit.
    public consuming func releaseInBackground() {
        BackgroundRelease.release(self)
    }

    public func count(_ status: PostingStatus, in language: String) -> Int {
        counts.byLanguage[language]?[status.rawValue] ?? 0
    }

    /// Translation pairs: keys published in more than one language.
    public var translationPairs: Int { counts.translationPairs }
}
