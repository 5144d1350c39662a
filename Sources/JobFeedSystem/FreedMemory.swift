internal import CLinux

/// Memory a long-running process has freed but its allocator still holds.
package enum FreedMemory {
    /// Gives freed pages back to the system (glibc's `malloc_trim`): each thread's arena
    /// otherwise keeps what a rebuild freed, and a watcher's resident memory grows with them.
    package static func release() {
        _ = malloc_trim(0)
    }
}
