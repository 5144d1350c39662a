import Foundation

/// `exports/jobpostings.jsonld` being written: a JSON-LD array of the per-posting documents,
/// spliced from their bytes rather than encoded a second time. Used by one thread at a time.
final class CombinedJSONLD: @unchecked Sendable {
    static let fileName = "jobpostings.jsonld"

    let output: PendingOutput
    private var isEmpty = true

    init(output: PendingOutput) {
        self.output = output
        output.sink.write("[\n")
    }

    /// Appends one document (which ends with a line break).
    func append(_ document: Data) {
        if !isEmpty { output.sink.write(",\n") }
        isEmpty = false
        document.withUnsafeBytes { output.sink.write(UnsafeRawBufferPointer(rebasing: $0.prefix(max($0.count - 1, 0)))) }
    }

    func finish() {
        output.sink.write(isEmpty ? "]\n" : "\n]\n")
    }
}
