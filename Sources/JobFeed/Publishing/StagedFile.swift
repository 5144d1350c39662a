import Foundation
import Synchronization

/// An output file written as it is rendered: a temporary file in the staging folder (or beside
/// its target, on another file system), renamed over it with every other output when the
/// whole build has rendered (or removed when unchanged). Until then the target
/// keeps its last good bytes; a build that fails or stops drops its staged files, and with
/// them their temporary files.
///
/// Used by one thread at a time: the renderer that fills it, then the writer.
final class StagedFile: @unchecked Sendable {
    static let temporaryPrefix = ".jobfeed-tmp-"
    /// Names temporary files uniquely within the process (a `UUID` read /dev/urandom each time).
    private static let counter = Atomic<Int>(0)

    let target: String
    let temporaryPath: String
    private var descriptor: Int32
    private var buffer: [UInt8] = []
    private(set) var size = 0
    private var failure: Int32 = 0
    private var isSettled = false

    init(target: String, state: StateFolder) throws(OutputError) {
        self.target = target
        temporaryPath = Self.temporaryPath(in: state.stagingFolder(for: target))
        descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw OutputError(path: target, reason: String(cString: strerror(errno))) }
        buffer.reserveCapacity(Self.bufferSize)
    }

    deinit {
        if !isSettled { discard() }
    }

    static func temporaryPath(in folder: String) -> String {
        folder + "/" + temporaryPrefix + "\(getpid())-\(counter.add(1, ordering: .relaxed).newValue)"
    }

    private static let bufferSize = 1 << 20

    func write(_ bytes: UnsafeRawBufferPointer) {
        size += bytes.count
        if buffer.count + bytes.count > Self.bufferSize { flush() }
        if bytes.count >= Self.bufferSize {
            writeThrough(bytes)
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    /// Writes what is buffered and closes the file; throws if any write failed.
    func finish() throws(OutputError) {
        flush()
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
        if failure != 0 { throw OutputError(path: target, reason: String(cString: strerror(failure))) }
    }

    /// The finished file was renamed over its target (by a `Publication`): it is no longer
    /// this one's to remove.
    func published() {
        isSettled = true
    }

    func discard() {
        isSettled = true
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
        unlink(temporaryPath)
    }

    private func flush() {
        buffer.withUnsafeBytes { writeThrough($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    private func writeThrough(_ bytes: UnsafeRawBufferPointer) {
        guard failure == 0, descriptor >= 0, bytes.count > 0 else { return }
        if !FileDescriptor.writeAll(descriptor, bytes) { failure = errno }
    }
}

struct OutputError: Error, Sendable {
    var path: String
    var reason: String
}
