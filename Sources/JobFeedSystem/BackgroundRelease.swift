import Foundation

/// Drops the last reference to a large value on a thread of its own. Freeing a build's
/// postings, catalog and cache index (at 10,000 postings some 300,000 allocations, 40 to 60 ms
/// on one core, the last thing a cron build did) then overlaps what the caller does next, or
/// the process's exit.
///
/// The caller hands the value over with `consume`, so that the thread holds the only reference.
package enum BackgroundRelease {
    package static func release<Value: Sendable>(_ value: consuming Value) {
        Thread.detachNewThread { [value] in withExtendedLifetime(value) {} }
    }
}
