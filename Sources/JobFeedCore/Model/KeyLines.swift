/// The 1-based line of each front-matter key in a posting's file, for diagnostics.
///
/// Kept as the bytes the build cache stores, sorted by key, and looked up only when a
/// diagnostic is made: a cron build of 10,000 postings read a dozen keys back for each cached
/// posting into a dictionary of strings, a third of the time it spent decoding postings, for
/// lines that no diagnostic asked for.
public struct KeyLines: Sendable, Hashable {
    /// A count, then each key (length-prefixed UTF-8) and its line, as `ByteWriter` writes them.
    package let bytes: [UInt8]

    public init(_ lines: [String: Int] = [:]) {
        var writer = ByteWriter()
        writer.append(lines.count)
        for (key, line) in lines.sorted(by: { $0.key < $1.key }) {
            writer.append(key)
            writer.append(line)
        }
        bytes = writer.bytes
    }

    /// Bytes the cache kept: checked whole now, so that a lookup never meets a damaged one.
    package init(bytes: [UInt8]) throws(ByteReader.Malformed) {
        let isWhole = bytes.withUnsafeBytes { raw in
            var reader = ByteReader(raw)
            guard let count = try? reader.count() else { return false }
            for _ in 0..<count {
                guard let length = try? reader.count(), (try? reader.skip(length)) != nil, (try? reader.int()) != nil else { return false }
            }
            return reader.isAtEnd
        }
        guard isWhole else { throw ByteReader.Malformed() }
        self.bytes = bytes
    }

    public subscript(key: String) -> Int? {
        var key = key
        return key.withUTF8 { wanted in
            bytes.withUnsafeBytes { raw -> Int? in
                var reader = ByteReader(raw)
                guard let count = try? reader.count() else { return nil }
                for _ in 0..<count {
                    guard let length = try? reader.count(), let name = try? reader.skip(length), let line = try? reader.int() else { return nil }
                    if name.elementsEqual(UnsafeRawBufferPointer(wanted)) { return line }
                }
                return nil
            }
        }
    }
}
