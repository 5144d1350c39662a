internal import CZlib
import Foundation
import JobFeedReading
import JobFeedSystem

/// Writes a file's gzip twin (`feed.xml.gz` beside `feed.xml`) for web servers that serve
/// precompressed files (nginx `gzip_static`). The same bytes always give the same twin: zlib's
/// gzip header carries no file name and a zero modification time unless told otherwise.
/// Owns one zlib stream for the length of a call.
package enum Gzip {
    package static let level: Int32 = 6

    /// Compresses `source` into `destination`, a megabyte at a time.
    package static func compress(_ source: String, to destination: String) throws(SystemError) {
        let input = try OpenFile(source, .readOnly, operation: "read")
        let output = try OpenFile(destination, .writeOnly, options: [.create, .truncate], permissions: [.ownerReadWrite, .groupRead, .otherRead], operation: "write")
        var stream = z_stream()
        // 15 + 16: a 32 KB window with a gzip header and trailer rather than zlib's own.
        guard deflateInit2_(&stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw SystemError(operation: "compress", path: source, code: ENOMEM)
        }
        defer { deflateEnd(&stream) }
        var inBuffer = [UInt8](repeating: 0, count: 1 << 20)
        var outBuffer = [UInt8](repeating: 0, count: 1 << 20)
        var finished = false
        while !finished {
            let count = try inBuffer.withUnsafeMutableBytes { buffer in Result { () throws(SystemError) in try input.read(into: buffer) } }.get()
            let flush = count == 0 ? Z_FINISH : Z_NO_FLUSH
            try inBuffer.withUnsafeMutableBufferPointer { (inBytes) throws(SystemError) in
                stream.next_in = inBytes.baseAddress
                stream.avail_in = uInt(count)
                repeat {
                    let produced = outBuffer.withUnsafeMutableBufferPointer { outBytes -> Int in
                        stream.next_out = outBytes.baseAddress
                        stream.avail_out = uInt(outBytes.count)
                        let status = deflate(&stream, flush)
                        if status == Z_STREAM_END { finished = true }
                        return outBytes.count - Int(stream.avail_out)
                    }
                    try outBuffer.withUnsafeBytes { bytes in
                        Result { () throws(SystemError) in try output.writeAll(UnsafeRawBufferPointer(rebasing: bytes.prefix(produced))) }
                    }.get()
                } while stream.avail_out == 0
            }
        }
    }
}
