import Foundation
import Synchronization

/// An output file written as it is rendered: a temporary file in the staging folder (or beside
/// its target, on another file system), renamed over it with every other output when the
/// whole build has rendered (or removed when unchanged). Until then the target
/// keeps its last good bytes; a build that fails or stops drops its staged files, and with
/// them their temporary files.
///
/// Used by one thread at a time: the renderer that fills it, then the writer.
package final class StagedFile: @unchecked Sendable {
    package static let temporaryPrefix = ".jobfeed-tmp-"
    /// Names temporary files uniquely within the process (a `UUID` read /dev/urandom each time).
    private static let counter = Atomic<Int>(0)

    package let target: String
    package let temporaryPath: String
    private var file: OpenFile?
    private var buffer: [UInt8] = []
    package private(set) var size = 0
    private var failure: SystemError?
    private var isSettled = false

    /// Creates the temporary file in `folder` (the staging folder the state folder chose).
    package init(target: String, folder: String) throws(SystemError) {
        self.target = target
        temporaryPath = Self.temporaryPath(in: folder)
        file = try OpenFile(temporaryPath, .writeOnly, options: [.create, .exclusiveCreate], permissions: [.ownerReadWrite, .groupRead, .otherRead], operation: "write")
        buffer.reserveCapacity(Self.bufferSize)
    }

    deinit {
        if !isSettled { discard() }
    }

    package static func temporaryPath(in folder: String) -> String {
        folder + "/" + temporaryPrefix + "\(getpid())-\(counter.add(1, ordering: .relaxed).newValue)"
    }

    private static let bufferSize = 1 << 20

    package func write(_ bytes: UnsafeRawBufferPointer) {
        size += bytes.count
        if buffer.count + bytes.count > Self.bufferSize { flush() }
        if bytes.count >= Self.bufferSize {
            writeThrough(bytes)
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    /// Writes what is buffered and closes the file; throws if any write failed.
    package func finish() throws(SystemError) {
        flush()
        file = nil
        if let failure { throw SystemError(operation: failure.operation, path: target, code: failure.code) }
    }

    /// The finished file was renamed over its target (by a `Publication`): it is no longer
    /// this one's to remove.
    package func published() {
        isSettled = true
    }

    package func discard() {
        isSettled = true
        file = nil
        SystemCall.remove(temporaryPath)
    }

    private func flush() {
        buffer.withUnsafeBytes { writeThrough($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    private func writeThrough(_ bytes: UnsafeRawBufferPointer) {
        guard failure == nil, bytes.count > 0 else { return }
        do {
            try file?.writeAll(bytes)
        } catch {
            failure = error
        }
    }
}
