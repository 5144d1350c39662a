// glibc's Linux extensions that Swift's Glibc module does not export (it is built without
// _GNU_SOURCE): malloc_trim, copy_file_range, sync_file_range and fallocate; and cachestat,
// which glibc does not wrap. Part of libc, nothing to link.
#include <malloc.h>
#include <stdint.h>
#include <sys/types.h>
#include <unistd.h>

// As <unistd.h> declares it under _GNU_SOURCE.
extern ssize_t copy_file_range(int __infd, __off64_t *__pinoff, int __outfd, __off64_t *__poutoff, size_t __length, unsigned int __flags);
extern int sync_file_range(int __fd, __off64_t __offset, __off64_t __count, unsigned int __flags);
extern int fallocate(int __fd, int __mode, __off64_t __offset, __off64_t __len);

// <fcntl.h> under _GNU_SOURCE: sync_file_range's flags.
#define JOBFEED_SYNC_FILE_RANGE_WAIT_BEFORE 1
#define JOBFEED_SYNC_FILE_RANGE_WRITE 2
#define JOBFEED_SYNC_FILE_RANGE_WAIT_AFTER 4

// <linux/falloc.h>: the range reads as zeros, its blocks kept (as unwritten extents on ext4).
#define JOBFEED_FALLOC_FL_KEEP_SIZE 0x01
#define JOBFEED_FALLOC_FL_ZERO_RANGE 0x10

// cachestat(2), Linux 6.5 (the same number on every architecture; glibc has no wrapper): how
// many of the pages of a file's first `length` bytes the page cache holds, in one call that
// walks the cache's tree once, where mincore looks each page up from the tree's root. Returns
// -1 with errno set (ENOSYS before 6.5).
extern long syscall(long __sysno, ...);
static inline int jobfeed_cached_pages(int fd, uint64_t length, uint64_t *cached) {
    struct { uint64_t off, len; } range = { 0, length };
    struct { uint64_t nr_cache, nr_dirty, nr_writeback, nr_evicted, nr_recently_evicted; } stat;
    if (syscall(451, fd, &range, &stat, 0) != 0) return -1;
    *cached = stat.nr_cache;
    return 0;
}
