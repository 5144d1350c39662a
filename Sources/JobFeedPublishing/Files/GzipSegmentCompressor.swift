internal import CZlib
import Foundation
import JobFeedSystem

/// One raw deflate stream, reset for each segment (no window carried from one to the next).
final class GzipSegmentCompressor {
    private var stream = z_stream()
    private var plain: [UInt8] = []
    private var compressed: [UInt8] = []
    private let path: String

    init(path: String) throws(SystemError) {
        self.path = path
        // -15: a 32 KB window, raw: the twin's one header and trailer are written around it.
        guard deflateInit2_(&stream, GzipTwin.level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw SystemError(operation: "compress", path: path, code: ENOMEM)
        }
    }

    deinit {
        deflateEnd(&stream)
    }

    /// The range's bytes compressed, primed with the file's bytes from `primedFrom` up to it,
    /// and ended by a sync flush; and their CRC.
    func compress(_ range: Range<Int64>, of file: OpenFile, primedFrom dictionary: Int64?) throws(SystemError) -> (bytes: ArraySlice<UInt8>, crc: UInt32) {
        let primer = Int(range.lowerBound - (dictionary ?? range.lowerBound))
        let count = Int(range.count)
        if plain.count < primer + count { plain = [UInt8](repeating: 0, count: primer + count) }
        let read = try plain.withUnsafeMutableBytes { buffer in
            Result { () throws(SystemError) in
                try file.read(at: range.lowerBound - Int64(primer), into: UnsafeMutableRawBufferPointer(rebasing: buffer.prefix(primer + count)))
            }
        }.get()
        guard read == primer + count else { throw SystemError(operation: "read", path: path, code: EIO) }
        let bound = Int(deflateBound(&stream, uLong(count))) + 16
        if compressed.count < bound { compressed = [UInt8](repeating: 0, count: bound) }
        deflateReset(&stream)
        if primer > 0 {
            _ = plain.withUnsafeBufferPointer { deflateSetDictionary(&stream, $0.baseAddress, uInt(primer)) }
        }
        let produced = plain.withUnsafeMutableBufferPointer { input in
            compressed.withUnsafeMutableBufferPointer { output -> Int in
                stream.next_in = input.baseAddress.map { $0 + primer }
                stream.avail_in = uInt(count)
                stream.next_out = output.baseAddress
                stream.avail_out = uInt(output.count)
                // Room for all of it (deflateBound): one call compresses and flushes it.
                _ = deflate(&stream, Z_SYNC_FLUSH)
                return output.count - Int(stream.avail_out)
            }
        }
        guard stream.avail_in == 0, stream.avail_out > 0 else { throw SystemError(operation: "compress", path: path, code: EIO) }
        let crc = plain.withUnsafeBufferPointer { UInt32(truncatingIfNeeded: crc32(0, $0.baseAddress.map { $0 + primer }, uInt(count))) }
        return (compressed[..<produced], crc)
    }
}
