import Foundation

/// Appends values as bytes, for the state folder's binary files (the build cache): fixed-width
/// little-endian integers, length-prefixed strings. Faster than a Codable encoder by far, which
/// matters for tens of thousands of postings read back on every cron build.
package struct ByteWriter {
    package private(set) var bytes: [UInt8] = []

    package init() {}

    /// Starting with `header` as it is (a file's magic line), with room for `capacity` bytes.
    package init(header: [UInt8], capacity: Int) {
        bytes = header
        bytes.reserveCapacity(capacity)
    }

    package mutating func append(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    package mutating func append(_ value: Int64) { append(UInt64(bitPattern: value)) }
    package mutating func append(_ value: Int) { append(Int64(value)) }
    package mutating func append(_ value: Bool) { bytes.append(value ? 1 : 0) }
    package mutating func append(_ value: Double) { append(value.bitPattern) }

    package mutating func append(_ value: String) {
        var value = value
        value.withUTF8 { append(utf8: $0) }
    }

    /// Length-prefixed, as a `String` is.
    package mutating func append(utf8: UnsafeBufferPointer<UInt8>) {
        append(utf8.count)
        bytes.append(contentsOf: utf8)
    }

    /// Length-prefixed, as a `String` is.
    package mutating func append(bytes value: [UInt8]) {
        value.withUnsafeBufferPointer { append(utf8: $0) }
    }

    /// Fixed-width words, as `append(_:)` writes each one, in one copy: a layout's tens of
    /// thousands of spans, six words each, were as many appends, each checking for room.
    package mutating func append(words: [UInt64]) {
        words.withUnsafeBufferPointer { words in
            guard UInt64(1).littleEndian == 1 else { return words.forEach { append($0) } }
            bytes.append(contentsOf: UnsafeRawBufferPointer(words))
        }
    }

    package mutating func append(_ values: [String]) {
        append(values.count)
        for value in values { append(value) }
    }

    /// A present flag, then the value when there is one.
    package mutating func append<Value>(_ value: Value?, _ write: (inout ByteWriter, Value) -> Void) {
        append(value != nil)
        if let value { write(&self, value) }
    }
}

/// Reads what a `ByteWriter` wrote; any read past the end, or a count that cannot be right,
/// throws, so a damaged file is refused rather than half trusted.
package struct ByteReader {
    package struct Malformed: Error {
        package init() {}
    }

    private let bytes: UnsafeRawBufferPointer
    package private(set) var offset = 0

    package init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    package var isAtEnd: Bool { offset == bytes.count }
    /// How many bytes are left to read.
    package var remaining: Int { bytes.count - offset }

    package mutating func uint64() throws(Malformed) -> UInt64 {
        guard bytes.count - offset >= 8 else { throw Malformed() }
        defer { offset += 8 }
        return UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    package mutating func int64() throws(Malformed) -> Int64 { Int64(bitPattern: try uint64()) }
    package mutating func int() throws(Malformed) -> Int { Int(try int64()) }
    package mutating func double() throws(Malformed) -> Double { Double(bitPattern: try uint64()) }

    package mutating func bool() throws(Malformed) -> Bool {
        guard offset < bytes.count else { throw Malformed() }
        defer { offset += 1 }
        return bytes[offset] != 0
    }

    /// A count of things that each take at least one byte: never more than the bytes left.
    package mutating func count() throws(Malformed) -> Int {
        let count = try int()
        guard count >= 0, count <= bytes.count - offset else { throw Malformed() }
        return count
    }

    package mutating func string() throws(Malformed) -> String {
        String(decoding: try skip(try count()), as: UTF8.self)
    }

    /// What `append(bytes:)` wrote.
    package mutating func byteArray() throws(Malformed) -> [UInt8] {
        Array(try skip(try count()))
    }

    /// The next `length` bytes, in place.
    package mutating func skip(_ length: Int) throws(Malformed) -> UnsafeRawBufferPointer {
        guard length >= 0, length <= bytes.count - offset else { throw Malformed() }
        defer { offset += length }
        return UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + length])
    }

    /// `count` words as `append(words:)` wrote them, in place: `word(at:)` reads each.
    package mutating func words(_ count: Int) throws(Malformed) -> Words {
        guard count >= 0, count <= (bytes.count - offset) / 8 else { throw Malformed() }
        return Words(bytes: try skip(count * 8))
    }

    package struct Words {
        fileprivate let bytes: UnsafeRawBufferPointer

        package func word(at place: Int) -> UInt64 {
            UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: place * 8, as: UInt64.self))
        }
    }

    package mutating func strings() throws(Malformed) -> [String] {
        let count = try count()
        var values: [String] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try string()) }
        return values
    }

    package mutating func optional<Value>(_ read: (inout ByteReader) throws(Malformed) -> Value) throws(Malformed) -> Value? {
        try bool() ? try read(&self) : nil
    }
}

/// Bytes followed by their digest, for the state folder's files that are checked whole when
/// read (the build cache's index, the outputs' layouts): a damaged or cut-short file is refused.
package enum SealedBytes {
    /// The writer's bytes with their digest after them, and that digest.
    package static func seal(_ writer: ByteWriter) -> (data: Data, digest: UInt64) {
        let digest = writer.bytes.withUnsafeBytes { ContentDigest.of($0) }
        var data = Data(writer.bytes)
        withUnsafeBytes(of: digest.littleEndian) { data.append(contentsOf: $0) }
        return (data, digest)
    }

    /// The bytes `seal` wrote before the digest, and the digest, when it matches; nil else.
    package static func open(_ raw: UnsafeRawBufferPointer) -> (body: UnsafeRawBufferPointer, digest: UInt64)? {
        guard raw.count >= 8 else { return nil }
        let body = UnsafeRawBufferPointer(rebasing: raw.prefix(raw.count - 8))
        let digest = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: raw.count - 8, as: UInt64.self))
        return ContentDigest.of(body) == digest ? (body, digest) : nil
    }
}
