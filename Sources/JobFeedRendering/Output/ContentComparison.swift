import Foundation
import JobFeedSystem

/// Compares bytes, as they are rendered, with the file already at a path, holding neither:
/// what `check` needs to say which files a build would write.
package final class ContentComparison: @unchecked Sendable {
    private var file: OpenFile?
    private var buffer: [UInt8] = []
    package private(set) var differs: Bool

    package init(path: String) {
        file = try? OpenFile(path, .readOnly, operation: "read")
        differs = file == nil
    }

    package func compare(_ bytes: UnsafeRawBufferPointer) {
        guard !differs, let file, bytes.count > 0 else { return }
        if buffer.count < bytes.count { buffer = [UInt8](repeating: 0, count: bytes.count) }
        let read = buffer.withUnsafeMutableBytes { try? file.readFully(into: UnsafeMutableRawBufferPointer(rebasing: $0[..<bytes.count])) }
        if read != bytes.count || memcmp(buffer, bytes.baseAddress!, bytes.count) != 0 { stop() }
    }

    /// Whether the rendered bytes differ from the file's: a file that goes on past them differs.
    package func finish() -> Bool {
        if !differs, let file {
            var extra: UInt8 = 0
            if (try? withUnsafeMutableBytes(of: &extra) { try file.read(into: $0) }) != 0 { differs = true }
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
    }
}
