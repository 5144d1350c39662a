import Foundation

/// Where a renderer's bytes go: into memory (`check`, the tests, the fuzzer) or straight into
/// a staged output file (`build`), so that a feed of tens of megabytes is never held whole.
/// Can also record a stretch of what passes through, for the watcher's cache of feed items.
final class OutputSink: @unchecked Sendable {
    private let file: StagedFile?
    private var memory: [UInt8] = []
    private var recording: [UInt8]?
    private(set) var count = 0

    /// A sink into memory, with room for `capacity` bytes.
    init(capacity: Int = 0) {
        file = nil
        memory.reserveCapacity(capacity)
    }

    init(file: StagedFile) {
        self.file = file
    }

    func write(_ bytes: UnsafeRawBufferPointer) {
        count += bytes.count
        if let file { file.write(bytes) } else { memory.append(contentsOf: bytes) }
        recording?.append(contentsOf: bytes)
    }

    func write(_ data: Data) {
        data.withUnsafeBytes { write($0) }
    }

    func write(_ text: String) {
        var text = text
        text.withUTF8 { write(UnsafeRawBufferPointer($0)) }
    }

    func startRecording() {
        recording = []
    }

    func stopRecording() -> Data {
        defer { recording = nil }
        return Data(recording ?? [])
    }

    /// What a memory sink holds (nothing for a file sink, whose bytes are in the file).
    var data: Data {
        Data(memory)
    }
}
