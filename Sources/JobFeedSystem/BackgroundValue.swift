import Foundation
import Synchronization

/// A value worked out on a thread of its own while the caller goes on, and waited for where it
/// is needed: a one-shot build's cache index read while the posting files are listed, the
/// outputs the last build recorded stat'ed while the catalog is made.
package final class BackgroundValue<Value: Sendable>: Sendable {
    private let result = Mutex<Value?>(nil)
    private let done = DispatchGroup()

    package init(_ work: @escaping @Sendable () -> Value) {
        done.enter()
        Thread.detachNewThread { [self] in
            let value = work()
            result.withLock { $0 = value }
            done.leave()
        }
    }

    /// Works on `input` on a thread of its own, which holds its only copy: tables in it
    /// change in place rather than being copied whole.
    package convenience init<Input: Sendable>(handing input: consuming Input, _ work: @escaping @Sendable (consuming Input) -> Value) {
        let handed = Handed(input)
        self.init { work(handed.take()) }
    }

    /// Returns when the work has ended.
    package func wait() {
        done.wait()
    }

    /// The value, once the work has ended.
    package var value: Value {
        done.wait()
        // Set before the group is left.
        return result.withLock { $0! }
    }

    /// The value, once the work has ended, taken out: the caller holds its only copy, so
    /// tables in it change in place rather than being copied whole. Taken once.
    package func take() -> Value {
        done.wait()
        return result.withLock { result in
            defer { result = nil }
            return result!
        }
    }
}

/// A value handed to another thread, which takes it once.
private final class Handed<Value: Sendable>: @unchecked Sendable {
    private var value: Value?

    init(_ value: consuming Value) {
        self.value = value
    }

    func take() -> Value {
        value.take()!
    }
}
