import Dispatch
import Foundation

/// Maps over an array on every core, keeping the input order so output stays deterministic.
enum Parallel {
    static func map<Item: Sendable, Result: Sendable>(_ items: [Item], _ transform: @Sendable (Item) -> Result) -> [Result] {
        guard items.count > 1 else { return items.map(transform) }
        let slots = UnsafeMutableBufferPointer<Result?>.allocate(capacity: items.count)
        slots.initialize(repeating: nil)
        defer { slots.deallocate() }
        // Each index is written by exactly one iteration, and read only after all have finished.
        nonisolated(unsafe) let shared = slots
        let chunks = min(items.count, ProcessInfo.processInfo.activeProcessorCount * 8)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            var index = chunk
            while index < items.count {
                shared[index] = transform(items[index])
                index += chunks
            }
        }
        return slots.map { $0! }
    }
}
