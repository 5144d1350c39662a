import Foundation

/// Checks bytes for well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing
/// above U+10FFFF) in one pass, eight bytes of ASCII at a time.
package enum UTF8Validation {
    package static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = bytes.count
        let words = UnsafeRawBufferPointer(bytes)
        while index < count {
            if index + 8 <= count, ByteWords.nonASCII(words.loadUnaligned(fromByteOffset: index, as: UInt64.self)) == 0 {
                index += 8
                continue
            }
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return false
            }
            guard index + length <= count else { return false }
            let second = bytes[index + 1]
            guard second >= lower, second <= upper else { return false }
            for offset in 2..<length where bytes[index + offset] & 0xC0 != 0x80 { return false }
            index += length
        }
        return true
    }

    /// The bytes as a `String`, checked here rather than by the standard library, whose
    /// validating copy took 3.4% of a cold build's CPU for the three forms of each body alone
    /// (perf at 10,000 postings); bytes that are not valid UTF-8 are repaired as `String`
    /// repairs them.
    package static func string(_ bytes: [UInt8]) -> String {
        guard bytes.withUnsafeBufferPointer(isValid) else { return String(decoding: bytes, as: UTF8.self) }
        // Checked just above: the span is well-formed UTF-8, as `unchecked` requires.
        return String(copying: unsafe UTF8Span(unchecked: bytes.span))
    }

    /// The bytes as a `String` if they are valid UTF-8 (as `String(validating:as:)`, checked
    /// here: a posting's file is read through this).
    package static func string(validating data: Data) -> String? {
        guard data.withUnsafeBytes({ isValid($0.assumingMemoryBound(to: UInt8.self)) }) else { return nil }
        // Checked just above: the span is well-formed UTF-8, as `unchecked` requires.
        return String(copying: unsafe UTF8Span(unchecked: data.span))
    }
}
