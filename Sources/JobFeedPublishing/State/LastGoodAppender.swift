import Foundation
import JobFeedCore
import JobFeedSystem
import Synchronization

/// Appends last-good copies to the pack from the threads that read the postings, one copy at
/// a time under a lock, and collects where each went.
package final class LastGoodAppender: Sendable {
    private struct State {
        var index: LastGoodIndex
        var file: OpenFile?
        var offset: UInt64
        var appended = 0
        var failure: SystemError?
    }

    private let state: Mutex<State>
    /// The index as this build's appends began (after any compaction).
    private let start: LastGoodIndex

    package init(index: LastGoodIndex, packPath: String, truncating: Bool = false) {
        start = index
        do {
            let file = try OpenFile(packPath, .writeOnly, options: truncating ? [.create, .append, .truncate] : [.create, .append],
                                    permissions: [.ownerReadWrite], operation: "write")
            state = Mutex(State(index: index, file: file, offset: UInt64(max(try file.endOffset(), 0))))
        } catch {
            state = Mutex(State(index: index, file: nil, offset: 0, failure: error))
        }
    }

    /// Why a write failed, once one did.
    package var failure: String? {
        state.withLock { $0.failure?.reason }
    }

    /// Whether a posting read cleanly at this stamp needs a new copy: its copy is older, or
    /// was left behind as damaged when the pack was compacted.
    package func needsCopy(_ relativePath: String, stamp: FileStamp) -> Bool {
        start.entries[ExactPath(relativePath)]?.stamp != stamp
    }

    /// Appends the bytes a posting read cleanly from (`digest` taken of them here unless given).
    package func append(_ relativePath: String, _ data: Data, stamp: FileStamp, digest: UInt64? = nil) {
        // The stamp was taken before reading: a file that changed in between is copied next time.
        guard data.count == Int(stamp.size) else { return }
        let digest = digest ?? ContentDigest.of(data)
        state.withLock { state in
            guard state.failure == nil, let file = state.file else { return }
            do throws(SystemError) {
                try file.writeAll(data)
            } catch {
                state.failure = error
                return
            }
            state.index.set(LastGoodIndex.Entry(stamp: stamp, offset: state.offset, digest: digest), for: ExactPath(relativePath))
            state.offset += UInt64(data.count)
            state.appended += 1
        }
    }

    /// Closes the pack; the index with every copy appended and how many were, or nil if a
    /// write failed.
    package func finish() -> (index: LastGoodIndex, appended: Int)? {
        state.withLock { state in
            state.file = nil
            return state.failure == nil ? (state.index, state.appended) : nil
        }
    }
}
