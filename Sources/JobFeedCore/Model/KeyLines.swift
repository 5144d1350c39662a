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
        guard Self.walk(bytes, { _, _ in false }) != nil else { throw ByteReader.Malformed() }
        self.bytes = bytes
    }

    public subscript(key: String) -> Int? {
        var key = key
        return key.withUTF8 { wanted in
            var found: Int?
            _ = Self.walk(bytes) { name, line in
                guard name.elementsEqual(UnsafeRawBufferPointer(wanted)) else { return false }
                found = line
                return true
            }
            return found
        }
    }

    /// Hands each key's UTF-8 and its line to `visit` until it returns true. Returns whether
    /// one did, or nil when the bytes end early or run on past the last key.
    private static func walk(_ bytes: [UInt8], _ visit: (UnsafeRawBufferPointer, Int) -> Bool) -> Bool? {
        bytes.withUnsafeBytes { raw -> Bool? in
            var reader = ByteReader(raw)
            guard let count = try? reader.count() else { return nil }
            for _ in 0..<count {
                guard let length = try? reader.count(), let name = try? reader.skip(length), let line = try? reader.int() else { return nil }
                if visit(name, line) { return true }
            }
            return reader.isAtEnd ? false : nil
        }
    }
}
