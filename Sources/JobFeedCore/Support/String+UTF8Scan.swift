extension String {
    /// Whether any UTF-8 byte passes `test`, read straight from the string's storage: the
    /// generic walk of `utf8` went byte by byte through its iterator, and showed up in
    /// profiles on long bodies. Bridged strings without contiguous storage take the walk.
    @inlinable
    package func containsUTF8Byte(where test: (UInt8) -> Bool) -> Bool {
        if let found = utf8.withContiguousStorageIfAvailable({ $0.contains(where: test) }) { return found }
        return utf8.contains(where: test)
    }

    /// `body` of the string's UTF-8 bytes, borrowed where they lie: copied into a variable for
    /// `withUTF8`, a string is retained and released, an atomic write to its storage from every
    /// core that reads a shared key. Bridged strings without contiguous storage are copied.
    @inlinable
    package func withBorrowedUTF8<Result>(_ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        if let result = utf8.withContiguousStorageIfAvailable({ body(UnsafeRawBufferPointer($0)) }) { return result }
        return Array(utf8).withUnsafeBytes(body)
    }
}

/// Byte classes for the scans that read ASCII text as bytes.
extension UInt8 {
    @inlinable package var isASCIILetter: Bool { (0x41...0x5A).contains(self & 0xDF) }
    @inlinable package var isASCIIUppercaseLetter: Bool { (0x41...0x5A).contains(self) }
    @inlinable package var isASCIIDigit: Bool { (0x30...0x39).contains(self) }
    @inlinable package var isASCIIHexDigit: Bool { isASCIIDigit || (0x41...0x46).contains(self & 0xDF) }
    /// RFC 3986's unreserved characters: letters, digits, `-._~`, which no URL part encodes.
    @inlinable package var isURLUnreserved: Bool {
        isASCIILetter || isASCIIDigit || self == 0x2D || self == 0x2E || self == 0x5F || self == 0x7E
    }
}
