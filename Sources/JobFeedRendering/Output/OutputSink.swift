import Foundation
import JobFeedSystem

/// Where a renderer's bytes go: straight into a staged output file (`build`), so that a feed
/// of tens of megabytes is never held whole; into memory (the tests, the fuzzer); or into a
/// comparison with the file on disk (`check`, which keeps nothing and says what a build would
/// write). Can also record a stretch of what passes through, for the watcher's cache of feed
/// items.
package final class OutputSink: @unchecked Sendable {
    let file: StagedFile?
    /// The file the target held after the last build, to copy unchanged parts from.
    let previous: PreviousOutput?
    private let keepsBytes: Bool
    /// Set for a sink that compares with the file already at its path.
    package private(set) var comparison: ContentComparison?
    private var memory: [UInt8] = []
    var recording: [UInt8]?
    package internal(set) var count = 0
    /// The bytes written since the last part ended (the first `StagedFile.heldLimit` of
    /// them), and how many: the next part's lead (see `PartSpan`).
    var lead: [UInt8] = []
    var leadCount = 0

    /// A sink into memory.
    package init() {
        file = nil
        previous = nil
        keepsBytes = true
    }

    package init(file: StagedFile, previous: PreviousOutput? = nil) {
        self.file = file
        self.previous = previous
        keepsBytes = false
    }

    /// A sink that keeps nothing, and compares what passes with the file at `path`: with
    /// `previous`, that file as the last build published it, whose parts it compares where
    /// they lie, rather than reading them back from the build cache.
    package static func comparing(with path: String, previous: PreviousOutput? = nil) -> OutputSink {
        let sink = OutputSink(file: nil, previous: previous, keepsBytes: false)
        sink.comparison = previous.map { ContentComparison(file: $0.file) } ?? ContentComparison(path: path)
        return sink
    }

    private init(file: StagedFile?, previous: PreviousOutput? = nil, keepsBytes: Bool) {
        self.file = file
        self.previous = previous
        self.keepsBytes = keepsBytes
    }

    package func write(_ bytes: UnsafeRawBufferPointer) {
        if file != nil {
            leadCount += bytes.count
            if lead.count < StagedFile.heldLimit { lead.append(contentsOf: bytes.prefix(StagedFile.heldLimit - lead.count)) }
        }
        writeUntracked(bytes)
    }

    /// Writes bytes that are not between parts (a part's own).
    func writeUntracked(_ bytes: UnsafeRawBufferPointer) {
        count += bytes.count
        if let file { file.write(bytes) } else if keepsBytes { memory.append(contentsOf: bytes) } else { comparison?.compare(bytes) }
        recording?.append(contentsOf: bytes)
    }

    package func write(_ data: Data) {
        data.withUnsafeBytes { write($0) }
    }

    package func write(_ text: String) {
        var text = text
        text.withUTF8 { write(UnsafeRawBufferPointer($0)) }
    }

    package func startRecording() {
        recording = []
    }

    package func stopRecording() -> Data {
        defer { recording = nil }
        return Data(recording ?? [])
    }

    /// What a memory sink holds (nothing for a file sink, whose bytes are in the file, or a
    /// discarding one).
    package var data: Data {
        Data(memory)
    }
}
