import Foundation

/// Where a renderer's bytes go: straight into a staged output file (`build`), so that a feed
/// of tens of megabytes is never held whole; into memory (the tests, the fuzzer); or nowhere
/// (`check`, which only needs every output to render). Can also record a stretch of what
/// passes through, for the watcher's cache of feed items.
final class OutputSink: @unchecked Sendable {
    private let file: StagedFile?
    private let keepsBytes: Bool
    private var memory: [UInt8] = []
    private var recording: [UInt8]?
    private(set) var count = 0

    /// A sink into memory.
    init() {
        file = nil
        keepsBytes = true
    }

    init(file: StagedFile) {
        self.file = file
        keepsBytes = false
    }

    /// A sink that only counts.
    static func discarding() -> OutputSink {
        OutputSink(file: nil, keepsBytes: false)
    }

    private init(file: StagedFile?, keepsBytes: Bool) {
        self.file = file
        self.keepsBytes = keepsBytes
    }

    func write(_ bytes: UnsafeRawBufferPointer) {
        count += bytes.count
        if let file { file.write(bytes) } else if keepsBytes { memory.append(contentsOf: bytes) }
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

    /// What a memory sink holds (nothing for a file sink, whose bytes are in the file, or a
    /// discarding one).
    var data: Data {
        Data(memory)
    }
}
