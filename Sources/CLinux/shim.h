// glibc's Linux extensions that Swift's Glibc module does not export (it is built without
// _GNU_SOURCE): malloc_trim, copy_file_range, sync_file_range and fallocate. Part of libc,
// nothing to link.
#include <malloc.h>
#include <sys/types.h>
#include <unistd.h>

// As <unistd.h> declares it under _GNU_SOURCE.
extern ssize_t copy_file_range(int __infd, __off64_t *__pinoff, int __outfd, __off64_t *__poutoff, size_t __length, unsigned int __flags);
extern int sync_file_range(int __fd, __off64_t __offset, __off64_t __count, unsigned int __flags);
extern int fallocate(int __fd, int __mode, __off64_t __offset, __off64_t __len);

// <linux/falloc.h>: the range reads as zeros, its blocks kept (as unwritten extents on ext4).
#define JOBFEED_FALLOC_FL_KEEP_SIZE 0x01
#define JOBFEED_FALLOC_FL_ZERO_RANGE 0x10
