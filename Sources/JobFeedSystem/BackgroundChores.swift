import Foundation

/// Work done on threads of its own while the build goes on, and waited for before it is done:
/// what nothing later in the build reads.
///
/// - The old versions a publication kept until every rename had succeeded, removed: freeing a
///   60 MB file's blocks took 10 to 20 ms each on ext4 here, about 0.1 s for the outputs a
///   one-posting edit at 10,000 postings replaces, which the build's last steps (the build
///   cache's commit, the build record) now overlap.
/// - The outputs' layouts, saved (see `OutputWriter.saveLayouts`).
package final class BackgroundChores: Sendable {
    private let group = DispatchGroup()

    package init() {}

    package func remove(_ paths: [String]) {
        guard !paths.isEmpty else { return }
        run { for path in paths { SystemCall.remove(path) } }
    }

    package func run(_ work: @escaping @Sendable () -> Void) {
        group.enter()
        Thread.detachNewThread { [group] in
            work()
            group.leave()
        }
    }

    /// Returns when every chore handed over so far is done.
    package func wait() {
        group.wait()
    }
}
