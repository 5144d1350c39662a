import Foundation
import JobFeedCore
import JobFeedRendering

/// The per-posting documents prepared while the build rendered, sorted out for the write: the
/// staged ones in path order (the order they are published in), the display paths of the
/// unchanged ones, every path, and the first failure by path.
///
/// Made on whichever core is free while the large outputs finish: sorting 10,000 documents'
/// paths and display paths, and taking the display paths, was a stretch of a cron build's
/// serial end. The lists are sorted as the build's result lists them, so that the write's
/// sorts of the whole lists, these and a few files more, only merge.
struct PreparedDocuments: Sendable {
    struct Staged: Sendable {
        var path: String
        var temporaryPath: String
        var size: Int
        var digest: UInt64?
    }

    private(set) var staged: [Staged] = []
    private(set) var unchanged: [String] = []
    private(set) var paths: [String] = []
    private(set) var failure: (path: String, reason: String)?

    init(_ prepared: [ExactPath: PreparedFile], display: DisplayPath.Relative) {
        var staged: [(path: ExactPath, file: Staged)] = []
        var failures: [(path: ExactPath, reason: String)] = []
        paths.reserveCapacity(prepared.count)
        unchanged.reserveCapacity(prepared.count)
        for (path, file) in prepared {
            paths.append(path.text)
            switch file.state {
            case .unchanged:
                unchanged.append(display.of(path: path.text))
            case let .staged(temporaryPath, size, digest):
                staged.append((path, Staged(path: path.text, temporaryPath: temporaryPath, size: size, digest: digest)))
            case let .failed(reason):
                failures.append((path, reason))
            }
        }
        paths.sort()
        unchanged.sort()
        self.staged = staged.sorted { $0.path < $1.path }.map(\.file)
        failure = failures.min { $0.path < $1.path }.map { ($0.path.text, $0.reason) }
    }
}
