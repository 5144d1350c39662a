internal import CCmarkGFM
import Foundation

/// The memory of one document's cmark tree, parser and rendered HTML, taken from a few blocks
/// and given back at once when the document is done.
///
/// cmark allocates each node, each of its buffers and each growth of them through `calloc` and
/// `realloc`, and frees them one by one: glibc's allocator took some 5% of a cold build's CPU
/// for cmark alone (perf at 10,000 postings, its callers unwound with DWARF), a good part of it
/// inside the lock that lets one document through the parser at a time. cmark takes its
/// allocator as three C functions with no context of their own, so the arena in use is the
/// calling thread's (a document is parsed, rendered and freed on one thread), set for the
/// span of `withArena`. cmark-gfm's own arena is one for the whole process, not for threads.
package final class MarkdownArena {
    /// cmark's allocator: what every node and buffer of a document parsed with it keeps.
    nonisolated(unsafe) static let allocator: UnsafeMutablePointer<cmark_mem> = {
        let allocator = UnsafeMutablePointer<cmark_mem>.allocate(capacity: 1)
        allocator.initialize(to: cmark_mem(calloc: { allocate(count: $0, size: $1) }, realloc: { reallocate($0, to: $1) }, free: { _ in }))
        return allocator
    }()

    #if JOBFEED_FUZZ
    /// In the fuzzer (`make fuzz`), each allocation is a block of glibc's of its own, of its
    /// exact size: AddressSanitizer then sees cmark read or write past any of them.
    private static let blockSize = 0
    private static func rounded(_ size: Int) -> Int { size }
    #else
    /// Room taken from the system at a time: a posting's document and its HTML fit in one.
    private static let blockSize = 64 << 10
    /// Sizes kept to multiples of 16, so that every allocation in a block is aligned as
    /// `malloc`'s are.
    private static func rounded(_ size: Int) -> Int { (size + 15) & ~15 }
    #endif
    /// Before each allocation, its size, so that `realloc` knows how much to copy; a multiple
    /// of 16, so that every allocation stays aligned as `malloc`'s are.
    private static let header = 16
    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        precondition(pthread_key_create(&key, nil) == 0, "no thread-local key left for cmark's arena")
        return key
    }()

    /// Runs `body` with cmark's allocations on this thread taken from a new arena, freed
    /// when it returns: nothing cmark allocated there may be used after.
    package static func withArena<Result, Failure>(_ body: () throws(Failure) -> Result) throws(Failure) -> Result {
        let arena = MarkdownArena()
        let previous = pthread_getspecific(key)
        pthread_setspecific(key, Unmanaged.passUnretained(arena).toOpaque())
        defer {
            pthread_setspecific(key, previous)
            withExtendedLifetime(arena) {}
        }
        return try body()
    }

    /// cmark's `calloc`: `count` times `size` zeroed bytes from the thread's arena, aligned as
    /// `calloc`'s.
    package static func allocate(count: Int, size: Int) -> UnsafeMutableRawPointer {
        let (bytes, overflow) = count.multipliedReportingOverflow(by: size)
        precondition(!overflow, "cmark asked for more memory than there is")
        return current().allocate(bytes)
    }

    /// cmark's `realloc`: the block (nil for a new one) grown to `size` bytes, its bytes kept
    /// and the new ones zeroed; never shrunk (cmark's buffers only grow).
    package static func reallocate(_ block: UnsafeMutableRawPointer?, to size: Int) -> UnsafeMutableRawPointer {
        current().reallocate(block, to: size)
    }

    private static func current() -> MarkdownArena {
        guard let arena = pthread_getspecific(key) else { fatalError("cmark allocated outside MarkdownArena.withArena") }
        return Unmanaged<MarkdownArena>.fromOpaque(arena).takeUnretainedValue()
    }

    private var blocks: [UnsafeMutableRawPointer] = []
    private var next: UnsafeMutableRawPointer?
    private var end: UnsafeMutableRawPointer?
    /// The last allocation, which `realloc` grows where it lies when there is room.
    private var last: UnsafeMutableRawPointer?

    deinit {
        for block in blocks { free(block) }
    }

    private func allocate(_ size: Int) -> UnsafeMutableRawPointer {
        let needed = Self.header + Self.rounded(size)
        if next == nil || next! + needed > end! { addBlock(for: needed) }
        let start = next!
        start.storeBytes(of: size, as: Int.self)
        let block = start + Self.header
        block.initializeMemory(as: UInt8.self, repeating: 0, count: size)
        next = start + needed
        last = block
        return block
    }

    private func reallocate(_ block: UnsafeMutableRawPointer?, to size: Int) -> UnsafeMutableRawPointer {
        guard let block else { return allocate(size) }
        let old = (block - Self.header).load(as: Int.self)
        guard size > old else { return block }
        if block == last, block + Self.rounded(size) <= end! {
            (block - Self.header).storeBytes(of: size, as: Int.self)
            (block + old).initializeMemory(as: UInt8.self, repeating: 0, count: size - old)
            next = block + Self.rounded(size)
            return block
        }
        let grown = allocate(size)
        grown.copyMemory(from: block, byteCount: old)
        return grown
    }

    private func addBlock(for needed: Int) {
        let size = max(Self.blockSize, needed)
        guard let block = malloc(size) else { fatalError("cmark's arena could not allocate \(size) bytes") }
        blocks.append(block)
        next = block
        end = block + size
    }
}
