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
        // Sorted once, by path, for every list: three sorts of up to 10,000 texts were most of
        // this. A display path is the path less the working folder's prefix, which keeps the
        // paths' order but where some have the prefix and some not: those are sorted again.
        let entries = Array(prepared)
        let sorted = ExactPath.sortedPlaces(of: entries.map(\.key)).map { entries[$0] }
        paths.reserveCapacity(sorted.count)
        unchanged.reserveCapacity(sorted.count)
        for (path, file) in sorted {
            paths.append(path.text)
            switch file.state {
            case .unchanged:
                unchanged.append(display.of(path: path.text))
            case let .staged(temporaryPath, size, digest):
                staged.append(Staged(path: path.text, temporaryPath: temporaryPath, size: size, digest: digest))
            case let .failed(reason):
                if failure == nil { failure = (path.text, reason) }
            }
        }
        unchanged.sortUnlessInOrder(by: <)
    }
}
