/// Scans of UTF-8 for the few bytes that need work, eight bytes at a time.
///
/// Published text is long (a body runs to kilobytes, in every format) and almost none of its
/// bytes need anything: a word of eight is passed over in a few instructions when none of its
/// bytes is marked (byte masks as in Bit Twiddling Hacks' "haszero"), and only a marked word
/// is looked at byte by byte.
///
/// Public under an SPI and inlinable, with its masks as literals, so that every function is
/// inlined into its caller in the other modules: declared `package` and `@inlinable`, they
/// were called (as `ByKind` found; checked with `objdump`), and the scans that used them were
/// slower than the byte-by-byte loops they replaced (user time +10%, 10 cold builds a binary).
@_spi(Specialized)
public enum ByteWords {
    /// The high bit of each byte of the word equal to `byte`, and of no other.
    @inlinable @inline(__always)
    public static func bytes(_ word: UInt64, equalTo byte: UInt8) -> UInt64 {
        zeroBytes(word ^ (0x0101_0101_0101_0101 &* UInt64(byte)))
    }

    /// The high bit of each byte of the word below a space (a C0 control), and of no other.
    @inlinable @inline(__always)
    public static func controls(_ word: UInt64) -> UInt64 {
        // Each byte's low seven bits plus 0x60 reach the high bit unless they are below 0x20,
        // and never carry into the next byte.
        ~((word & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x6060_6060_6060_6060) & ~word & 0x8080_8080_8080_8080
    }

    /// The high bit of each C0 control of the word but tab and line feed, the controls text
    /// keeps (CSV, and published text, drop the others; XML also keeps carriage return).
    @inlinable @inline(__always)
    public static func controlsButTabAndLineFeed(_ word: UInt64) -> UInt64 {
        controls(word) & ~(bytes(word, equalTo: 0x09) | bytes(word, equalTo: 0x0A))
    }

    /// The high bit of each byte of the word that is not ASCII.
    @inlinable @inline(__always)
    public static func nonASCII(_ word: UInt64) -> UInt64 { word & 0x8080_8080_8080_8080 }

    /// The high bit of each byte of the word at F0 or above, where UTF-8's four-byte
    /// characters (the planes past the first) begin: its top four bits all set. Each byte's
    /// high bit is met by its own lower bits only, as the shifts stay within the byte for it.
    @inlinable @inline(__always)
    public static func fourByteLeads(_ word: UInt64) -> UInt64 {
        word & (word << 1) & (word << 2) & (word << 3) & 0x8080_8080_8080_8080
    }

    /// The high bit of each zero byte of the word, and of no other.
    @inlinable @inline(__always)
    public static func zeroBytes(_ word: UInt64) -> UInt64 {
        ~(((word & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | word | 0x7F7F_7F7F_7F7F_7F7F)
    }

    /// The index of the first byte from `start` that passes `test`, asked only of the bytes of
    /// words `marks` marks (it must mark every byte that can pass).
    @inlinable @inline(__always)
    public static func firstIndex(
        in bytes: UnsafeRawBufferPointer, from start: Int = 0,
        marking marks: (UInt64) -> UInt64, where test: (Int) -> Bool
    ) -> Int? {
        var index = start
        while index + 8 <= bytes.count {
            if marks(bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)) != 0 {
                for at in index..<index + 8 where test(at) { return at }
            }
            index += 8
        }
        return (index..<bytes.count).first(where: test)
    }
}
