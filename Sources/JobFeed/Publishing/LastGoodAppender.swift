import Foundation
import Synchronization

/// Appends last-good copies to the pack from the threads that read the postings, one copy at
/// a time under a lock, and collects where each went.
final class LastGoodAppender: Sendable {
    private struct State {
        var index: LastGoodIndex
        var descriptor: Int32
        var offset: UInt64
        var appended = 0
        var failed = false
        var failure: Int32 = 0
    }

    private let state: Mutex<State>

    init(index: LastGoodIndex, packPath: String, truncating: Bool = false) {
        let flags = O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | (truncating ? O_TRUNC : 0)
        let descriptor = open(packPath, flags, StateFolder.fileMode)
        let offset = descriptor >= 0 ? UInt64(max(lseek(descriptor, 0, SEEK_END), 0)) : 0
        state = Mutex(State(index: index, descriptor: descriptor, offset: offset, failed: descriptor < 0, failure: descriptor < 0 ? errno : 0))
    }

    /// Why a write failed, once one did.
    var failure: String? {
        state.withLock { $0.failure == 0 ? nil : String(cString: strerror($0.failure)) }
    }

    func append(_ relativePath: String, _ data: Data, stamp: FileStamp) {
        // The stamp was taken before reading: a file that changed in between is copied next time.
        guard data.count == Int(stamp.size) else { return }
        state.withLock { state in
            guard !state.failed else { return }
            guard FileDescriptor.writeAll(state.descriptor, data) else {
                state.failed = true
                state.failure = errno
                return
            }
            state.index.entries[relativePath] = LastGoodIndex.Entry(stamp: stamp, offset: state.offset)
            state.offset += UInt64(data.count)
            state.appended += 1
        }
    }

    /// Closes the pack; the index with every copy appended and how many were, or nil if a
    /// write failed.
    func finish() -> (index: LastGoodIndex, appended: Int)? {
        state.withLock { state in
            if state.descriptor >= 0 { close(state.descriptor) }
            state.descriptor = -1
            return state.failed ? nil : (state.index, state.appended)
        }
    }
}
