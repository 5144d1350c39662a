import Foundation

enum FileDescriptor {
    /// Writes every byte, retrying short writes and interruptions; false (with `errno` set)
    /// on failure.
    static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let count = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if count < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += count
        }
        return true
    }

    /// Reads a whole file; throws with errno when it cannot be opened or read.
    static func readAll(_ path: String) throws(SystemError) -> Data {
        let descriptor = try SystemCall.check("read", path) { open(path, O_RDONLY | O_CLOEXEC) }
        defer { close(descriptor) }
        var data = Data()
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = try SystemCall.check("read", path) { read(descriptor, &chunk, chunk.count) }
            if count == 0 { return data }
            data.append(chunk, count: count)
        }
    }

    static func writeAll(_ descriptor: Int32, _ data: Data) -> Bool {
        data.withUnsafeBytes { writeAll(descriptor, $0) }
    }

    /// True when the file at `path` holds exactly `size` bytes equal to those of `other`,
    /// compared a megabyte at a time.
    static func sameContents(_ path: String, _ other: String, size: Int) -> Bool {
        guard let first = FileStamp(path: path), let second = FileStamp(path: other),
              first.size == Int64(size), second.size == Int64(size) else { return false }
        let a = open(path, O_RDONLY | O_CLOEXEC)
        let b = open(other, O_RDONLY | O_CLOEXEC)
        defer {
            if a >= 0 { close(a) }
            if b >= 0 { close(b) }
        }
        guard a >= 0, b >= 0 else { return false }
        var left = [UInt8](repeating: 0, count: 1 << 20)
        var right = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = read(a, &left, left.count)
            guard count >= 0, readFully(b, &right, count) else { return false }
            if count == 0 { return true }
            if memcmp(left, right, count) != 0 { return false }
        }
    }

    private static func readFully(_ descriptor: Int32, _ buffer: inout [UInt8], _ count: Int) -> Bool {
        var offset = 0
        while offset < count {
            let got = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + offset, count - offset) }
            guard got > 0 else { return false }
            offset += got
        }
        return true
    }
}
