import Foundation
internal import CZlib

/// Writes a file's gzip twin (`feed.xml.gz` beside `feed.xml`) for web servers that serve
/// precompressed files (nginx `gzip_static`). The same bytes always give the same twin: zlib's
/// gzip header carries no file name and a zero modification time unless told otherwise.
/// Owns one zlib stream for the length of a call.
enum Gzip {
    static let level: Int32 = 6

    /// Compresses `source` into `destination`, a megabyte at a time.
    static func compress(_ source: String, to destination: String) throws(SystemError) {
        let input = try SystemCall.check("read", source) { open(source, O_RDONLY | O_CLOEXEC) }
        defer { close(input) }
        let output = try SystemCall.check("write", destination) { open(destination, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644) }
        defer { close(output) }
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
            let count = try SystemCall.check("read", source) { read(input, &inBuffer, inBuffer.count) }
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
                    let written = outBuffer.withUnsafeBytes { FileDescriptor.writeAll(output, UnsafeRawBufferPointer(rebasing: $0.prefix(produced))) }
                    if !written { throw SystemError(operation: "write", path: destination, code: errno) }
                } while stream.avail_out == 0
            }
        }
    }
}
