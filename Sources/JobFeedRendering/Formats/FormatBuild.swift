import Foundation
import JobFeedCore

/// What a format's writers need from the build, which the publishing layer provides.
package struct FormatBuild: Sendable {
    package let config: Config
    package let catalog: Catalog
    package let destination: OutputDestination
    /// What a long-running process rendered before.
    package let cache: RenderCache?
    /// Where an output renders to: a staged file when the build writes, else memory.
    package let output: @Sendable (URL) throws(DiagnosticError) -> PendingOutput
    /// Decides a per-posting file (path, bytes, and their digest when known) against what is
    /// on disk, and stages it when it changed.
    package let prepare: @Sendable (String, Data, UInt64?) -> PreparedFile
    /// Whether a per-posting file holds, as the last build wrote it, bytes of this size and
    /// digest (so that they need not be read back from the cache to be compared).
    package let isCurrent: @Sendable (String, Int, UInt64) -> Bool
    /// What each feed and export is made from, with a cache to compare it with (nil without one).
    package let fingerprints: OutputFingerprints?

    package init(config: Config, catalog: Catalog, destination: OutputDestination, cache: RenderCache?,
                 output: @escaping @Sendable (URL) throws(DiagnosticError) -> PendingOutput,
                 prepare: @escaping @Sendable (String, Data, UInt64?) -> PreparedFile,
                 isCurrent: @escaping @Sendable (String, Int, UInt64) -> Bool = { _, _, _ in false },
                 fingerprints: OutputFingerprints?) {
        self.config = config
        self.catalog = catalog
        self.destination = destination
        self.cache = cache
        self.output = output
        self.prepare = prepare
        self.isCurrent = isCurrent
        self.fingerprints = fingerprints
    }
}
