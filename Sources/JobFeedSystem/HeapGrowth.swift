internal import CLinux

/// How glibc's allocator grows its heaps in a jobfeed process.
package enum HeapGrowth {
    /// Each heap grows 64 MiB at a time rather than 128 KiB past what was asked: a build's
    /// threads grew theirs some thousand times, each growth an `mprotect` that splits and
    /// merges the heap's mapping (19 ms of a 10,000-posting cron build's CPU, under perf). The
    /// pages are untouched until used, so resident memory does not grow with the step.
    ///
    /// Setting it stops glibc from raising its mmap threshold as large blocks are freed, which
    /// left alone would put every block of 128 KiB or more in a mapping of its own, mapped,
    /// faulted in and unmapped each time: the threshold is set to the 32 MiB glibc's own rule
    /// raises it to at most, so that such blocks are reused from the heaps.
    package static func growInLargeSteps() {
        _ = mallopt(M_TOP_PAD, 64 << 20)
        _ = mallopt(M_MMAP_THRESHOLD, 32 << 20)
    }
}
