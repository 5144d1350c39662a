import Foundation
import JobFeedCore
import JobFeedRendering
import JobFeedSystem

/// Where each output's parts lie in its published file (`cache/layouts/`, a file per output),
/// so that the next build copies unchanged parts from the file, rather than reading them back
/// from the pack and writing them again, and `check` compares them where they lie.
///
/// A layout names the file's identity right after the build published it (`FileIdentity`,
/// whose status-change time nothing can set back): once anything has touched the file, or the
/// layout is damaged or cut short, it is not used, and the build reads the parts as before.
/// Nothing else depends on a layout, so one left by a build killed after publishing is only
/// stale, never wrong.
package struct OutputLayouts: Sendable {
    package static let folderName = "layouts"
    private static let magic: UInt64 = 0x4A46_4C41_594F_5554  // "JFLAYOUT"

    package let folder: URL

    package init(folder: URL) {
        self.folder = folder
    }

    /// The output's published file, open, and where its parts lie; nil without a layout that
    /// describes the file as it is.
    package func previous(of path: String) -> PreviousOutput? {
        guard let (identity, spans) = readRecord(Self.magic, of: path, Self.spans),
              let file = Self.open(path, ifStill: identity) else { return nil }
        // The build copies most of it, a chunk of postings at a time: pages the page cache
        // has lost are read ahead meanwhile, rather than waited for, copy after copy.
        file.prefetch()
        return PreviousOutput(file: file, identity: identity, spans: spans)
    }

    /// Where the parts lie in the file at `path` as it is, in order; nil without a layout that
    /// describes the file as it is.
    package func spans(of path: String) -> [PartSpan]? {
        guard let (identity, spans) = readRecord(Self.magic, of: path, Self.spans), FileIdentity(path: path) == identity else { return nil }
        return spans
    }

    /// Records where the parts lie in the file at `path` as it is now (just published, or
    /// left as it was because its bytes did not change).
    package func save(_ spans: [PartSpan], for path: String) {
        guard !spans.isEmpty else { return }
        // Words first, written in one copy (see `ByteWriter.append(words:)`).
        var words: [UInt64] = []
        words.reserveCapacity(spans.count * Self.wordsPerSpan)
        for span in spans {
            words.append(span.source)
            words.append(span.digest)
            words.append(UInt64(bitPattern: span.offset))
            words.append(UInt64(bitPattern: Int64(span.length)))
            words.append(span.lead)
            words.append(UInt64(bitPattern: Int64(span.leadLength)))
        }
        saveRecord(Self.magic, of: path) { writer in
            writer.append(spans.count)
            writer.append(words: words)
        }
    }

    /// Writes a record of the file at `path` as it is now: its kind, the path, the file's
    /// identity, then what `body` writes.
    func saveRecord(_ magic: UInt64, of path: String, _ body: (inout ByteWriter) -> Void) {
        guard let identity = FileIdentity(path: path) else { return }
        var writer = ByteWriter()
        writer.append(magic)
        writer.append(path)
        identity.write(to: &writer)
        body(&writer)
        try? StateFolder.create(folder)
        try? OutputWriter.replace(file(for: path), with: SealedBytes.seal(writer).data, mode: StateFolder.fileMode)
    }

    func file(for path: String) -> String {
        folder.appendingPathComponent(StateFolder.fileName(for: path)).path
    }

    /// The record of the file at `path` that `saveRecord` wrote: the file's identity then, and
    /// what `body` reads (given the record's size, which bounds any count in it). Nil without
    /// one, or for one of another kind, damaged or cut short.
    func readRecord<Body>(_ magic: UInt64, of path: String,
                          _ body: (inout ByteReader, Int) throws(ByteReader.Malformed) -> Body?) -> (identity: FileIdentity, body: Body)? {
        guard let data = try? OpenFile.contents(of: file(for: path)) else { return nil }
        return data.withUnsafeBytes { raw -> (identity: FileIdentity, body: Body)? in
            guard let (bytes, _) = SealedBytes.open(raw) else { return nil }
            var reader = ByteReader(bytes)
            return try? Result { () throws(ByteReader.Malformed) -> (identity: FileIdentity, body: Body)? in
                guard try reader.uint64() == magic, try reader.string() == path else { return nil }
                let identity = try FileIdentity.read(from: &reader)
                guard let read = try body(&reader, bytes.count), reader.isAtEnd else { return nil }
                return (identity, read)
            }.get()
        }
    }

    /// The file at `path`, open, while it is the file a record was made of.
    static func open(_ path: String, ifStill identity: FileIdentity) -> OpenFile? {
        guard let file = try? OpenFile(path, .readOnly, operation: "read"), FileIdentity(of: file) == identity else { return nil }
        return file
    }

    /// A span's words: its source, digest, offset, length, lead and lead's length.
    private static let wordsPerSpan = 6

    private static func spans(_ reader: inout ByteReader, size: Int) throws(ByteReader.Malformed) -> [PartSpan]? {
        let count = try reader.int()
        guard count >= 0, count <= size / (wordsPerSpan * 8) else { return nil }
        // Checked for room once, not at each of 36,000 spans' six words.
        let words = try reader.words(count * wordsPerSpan)
        return (0..<count).map { index in
            let first = index * wordsPerSpan
            return PartSpan(source: words.word(at: first), digest: words.word(at: first + 1), offset: Int64(bitPattern: words.word(at: first + 2)),
                            length: Int(Int64(bitPattern: words.word(at: first + 3))), lead: words.word(at: first + 4),
                            leadLength: Int(Int64(bitPattern: words.word(at: first + 5))))
        }
    }
}
