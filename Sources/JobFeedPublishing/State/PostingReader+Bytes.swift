import Foundation
import JobFeedCore

extension PostingReader.Outcome {
    /// A file's reading as the build cache keeps it: the posting (none when the file has
    /// errors) without its body, its diagnostics, and the stamp it was read at.
    package func bytes() -> Data {
        var writer = ByteWriter()
        writer.append(posting) { $1.write(to: &$0) }
        writer.append(diagnostics.count)
        for diagnostic in diagnostics { diagnostic.write(to: &writer) }
        writer.append(stamp) { $1.write(to: &$0) }
        return Data(writer.bytes)
    }

    /// The reading `bytes()` wrote, its posting given `body`.
    package static func read(from data: Data, body: BodyText) throws(ByteReader.Malformed) -> PostingReader.Outcome {
        try data.withUnsafeBytes { raw in
            Result { () throws(ByteReader.Malformed) in
                var reader = ByteReader(raw)
                let posting = try reader.optional { reader throws(ByteReader.Malformed) in try Posting.read(from: &reader, body: body) }
                var diagnostics: [Diagnostic] = []
                for _ in 0..<(try reader.count()) { diagnostics.append(try Diagnostic.read(from: &reader)) }
                let stamp = try reader.optional { reader throws(ByteReader.Malformed) in try FileStamp.read(from: &reader) }
                guard reader.isAtEnd else { throw ByteReader.Malformed() }
                return PostingReader.Outcome(posting: posting, diagnostics: diagnostics, stamp: stamp)
            }
        }.get()
    }
}
