import Foundation
import JobFeedSystem

/// A per-posting file as a format decided it: its bytes in memory (the tests, the fuzzer), or
/// already compared with the file on disk and staged when it changed.
package enum PlannedFile: Sendable {
    case inMemory(Data)
    case prepared(PreparedFile)
    /// Compared with the file on disk, and not kept (`check`): whether it differs.
    case compared(differs: Bool)
}

/// A per-posting file decided while the build renders: unchanged, or its new bytes already in
/// a temporary file beside it (removed if the build does not publish), or failed.
package final class PreparedFile: @unchecked Sendable {
    package enum State {
        case unchanged
        case staged(temporaryPath: String, size: Int, digest: UInt64?)
        case failed(String)
    }

    package private(set) var state: State

    package init(_ state: State) {
        self.state = state
    }

    deinit {
        if case let .staged(temporaryPath, _, _) = state { SystemCall.remove(temporaryPath) }
    }

    /// The temporary file was renamed over the target (by a `Publication`): it is no longer
    /// this one's to remove.
    package func published() {
        if case .staged = state { state = .unchanged }
    }
}
