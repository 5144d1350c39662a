import Foundation

/// The folder where jobfeed keeps what it needs for itself: last-good copies of postings
/// (drafts and embargoed ones among them), the build record, the lock and the publication
/// journal. It is never inside a published folder: `feeds/` and `exports/` are handed to web
/// servers and aggregators whole, and must hold only documented outputs.
///
/// Its layout; the publishing layer creates it owner-only (0700), its files 0600, since the
/// copies hold unpublished postings' sources.
package struct StateFolder: Sendable {
    package static let defaultName = ".jobfeed"

    package let url: URL

    package init(_ config: Config) {
        url = config.stateDirectory
    }

    package init(url: URL) {
        self.url = url
    }

    package var path: String { url.path }
    package var lastGood: URL { url.appendingPathComponent("last-good") }
    package var buildRecord: URL { url.appendingPathComponent("build-record") }
    /// The build cache (`CacheArchive`): its pack, index and log, and the outputs' layouts.
    package var cache: URL { url.appendingPathComponent("cache") }
    package var lock: URL { url.appendingPathComponent("lock") }
    package var journal: URL { url.appendingPathComponent("journal") }
    package var rollback: URL { url.appendingPathComponent("rollback") }
    /// Where outputs are written before they are renamed into place, so that a published
    /// folder never holds a half-written file, even after a `kill -9`.
    package var staging: URL { url.appendingPathComponent("staging") }
    /// The version before the published one of each large output, kept for the next build to
    /// overwrite rather than freeing its blocks and allocating new ones (see `SpareFile`).
    package var spares: URL { url.appendingPathComponent("spares") }
    /// Open jobs per language after each build that changed something (`BuildHistory`).
    package var history: URL { url.appendingPathComponent("history.jsonl") }
    /// Where `jobfeed report` writes when not told otherwise.
    package var report: URL { url.appendingPathComponent("report.html") }

    /// The name an output's own file takes in one of these folders (its layout, its spare): a
    /// stable hash of the output's path.
    package static func fileName(for output: String) -> String {
        String(StableHash.fnv1a(output), radix: 16)
    }

    /// Whether the state folder and a published folder contain one another.
    package static func overlaps(_ state: URL, published: [URL]) -> Bool {
        let statePath = state.standardizedFileURL.path
        return published.contains { folder in
            let path = folder.standardizedFileURL.path
            return ExactPath(statePath) == ExactPath(path) || statePath.isBelow(path) || path.isBelow(statePath)
        }
    }
}
