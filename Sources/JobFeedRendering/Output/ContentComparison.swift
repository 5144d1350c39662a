import Foundation
import JobFeedSystem

/// Compares bytes, as they are rendered, with the file already at a path, holding neither:
/// what `check` needs to say which files a build would write.
package final class ContentComparison: @unchecked Sendable {
    private var file: OpenFile?
    /// How far the comparison has come in the file.
    private var offset: Int64 = 0
    private var buffer: [UInt8] = []
    private var other: [UInt8] = []
    package private(set) var differs: Bool

    package init(path: String) {
        file = try? OpenFile(path, .readOnly, operation: "read")
        differs = file == nil
    }

    /// Compares with a file already open: the output's published file, still as its layout
    /// describes it (`PreviousOutput`), so that a stretch the layout places somewhere is there
    /// (see `compare(_:at:)`).
    package init(file: OpenFile) {
        self.file = file
        differs = false
    }

    package func compare(_ bytes: UnsafeRawBufferPointer) {
        guard !differs, let file, bytes.count > 0 else { return }
        if buffer.count < bytes.count { buffer = [UInt8](repeating: 0, count: bytes.count) }
        let read = buffer.withUnsafeMutableBytes { try? file.read(at: offset, into: UnsafeMutableRawBufferPointer(rebasing: $0[..<bytes.count])) }
        offset += Int64(bytes.count)
        if read != bytes.count || memcmp(buffer, bytes.baseAddress!, bytes.count) != 0 { stop() }
    }

    /// Compares the file's next `length` bytes with its own at `source`, where its layout
    /// says a part lies that the build would copy there: nothing to read when that is here.
    package func compare(_ length: Int, at source: Int64) {
        guard !differs, let file, length > 0 else { return }
        defer { offset += Int64(length) }
        guard source != offset else { return }
        var compared = 0
        while compared < length {
            let count = min(length - compared, 1 << 20)
            if buffer.count < count { buffer = [UInt8](repeating: 0, count: count) }
            if other.count < count { other = [UInt8](repeating: 0, count: count) }
            let here = buffer.withUnsafeMutableBytes { try? file.read(at: offset + Int64(compared), into: UnsafeMutableRawBufferPointer(rebasing: $0[..<count])) }
            let there = other.withUnsafeMutableBytes { try? file.read(at: source + Int64(compared), into: UnsafeMutableRawBufferPointer(rebasing: $0[..<count])) }
            guard here == count, there == count, memcmp(buffer, other, count) == 0 else { return stop() }
            compared += count
        }
    }

    /// Whether the rendered bytes differ from the file's: a file that goes on past them differs.
    package func finish() -> Bool {
        if !differs, let file {
            var extra: UInt8 = 0
            if (try? withUnsafeMutableBytes(of: &extra) { try file.read(at: offset, into: $0) }) != 0 { differs = true }
        }
        stop(differing: differs)
        return differs
    }

    /// Whether `data` differs from the file at `path`.
    package static func differs(_ path: String, _ data: Data) -> Bool {
        let comparison = ContentComparison(path: path)
        data.withUnsafeBytes { comparison.compare($0) }
        return comparison.finish()
    }

    private func stop(differing: Bool = true) {
        differs = differing
        file = nil
        buffer = []
        other = []
    }
}
