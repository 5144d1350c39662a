import Foundation
import JobFeedCore

/// Whole files: read into one buffer, and compared with each other.
extension OpenFile {
    /// A whole file's bytes; throws with errno when it cannot be opened or read.
    ///
    /// Read into one buffer sized from `fstat`, a byte over so that the read which finds the
    /// end needs no more room, and grown only for a file that grew meanwhile: through a zeroed
    /// 64 KB chunk appended to a growing `Data`, 10,000 posting files cost a cold build 0.7% of
    /// its CPU in `memset` and copies.
    package static func contents(of path: String) throws(SystemError) -> Data {
        let file = try OpenFile(path, .readOnly, operation: "read")
        var info = stat()
        var capacity = fstat(file.rawValue, &info) == 0 && info.st_size > 0 ? Int(info.st_size) + 1 : 64 * 1024
        guard var buffer = malloc(capacity) else { throw SystemError(operation: "read", path: path, code: ENOMEM) }
        var count = 0
        do throws(SystemError) {
            while true {
                if count == capacity {
                    capacity *= 2
                    guard let grown = realloc(buffer, capacity) else { throw SystemError(operation: "read", path: path, code: ENOMEM) }
                    buffer = grown
                }
                let read = try file.read(into: UnsafeMutableRawBufferPointer(start: buffer + count, count: capacity - count))
                if read == 0 { break }
                count += read
            }
        } catch {
            free(buffer)
            throw error
        }
        return Data(bytesNoCopy: buffer, count: count, deallocator: .free)
    }

    /// True when the file at `path` holds exactly `size` bytes equal to those of `other`,
    /// compared a megabyte at a time, except in the stretches the caller `skipping` knows equal.
    package static func sameContents(_ path: String, _ other: String, size: Int, skipping known: [Range<Int64>] = []) -> Bool {
        guard FileStamp(path: path)?.size == Int64(size), FileStamp(path: other)?.size == Int64(size),
              let first = try? OpenFile(path, .readOnly, operation: "read"),
              let second = try? OpenFile(other, .readOnly, operation: "read") else { return false }
        var left = [UInt8](repeating: 0, count: 1 << 20)
        var right = [UInt8](repeating: 0, count: 1 << 20)
        for gap in gaps(in: 0..<Int64(size), outside: known) {
            var offset = gap.lowerBound
            while offset < gap.upperBound {
                let wanted = Int(min(Int64(left.count), gap.upperBound - offset))
                guard let count = first.fill(&left, at: offset, count: wanted), second.fill(&right, at: offset, count: wanted) == count,
                      count == wanted, memcmp(left, right, count) == 0 else { return false }
                offset += Int64(count)
            }
        }
        return true
    }

    /// The stretches of `whole` that none of the sorted, non-overlapping `ranges` covers.
    static func gaps(in whole: Range<Int64>, outside ranges: [Range<Int64>]) -> [Range<Int64>] {
        var gaps: [Range<Int64>] = []
        var start = whole.lowerBound
        for range in ranges where range.upperBound > start {
            guard start < whole.upperBound else { break }
            if range.lowerBound > start { gaps.append(start..<min(range.lowerBound, whole.upperBound)) }
            start = range.upperBound
        }
        if start < whole.upperBound { gaps.append(start..<whole.upperBound) }
        return gaps
    }

    /// Reads `count` bytes at `offset` into the start of the array; how many it read, nil when a
    /// read fails.
    fileprivate func fill(_ array: inout [UInt8], at offset: Int64, count: Int) -> Int? {
        array.withUnsafeMutableBytes { buffer in try? read(at: offset, into: UnsafeMutableRawBufferPointer(rebasing: buffer.prefix(count))) }
    }
}
