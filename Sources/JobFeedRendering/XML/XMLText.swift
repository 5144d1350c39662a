@_spi(Specialized) import JobFeedCore

/// Characters XML 1.0 forbids are dropped before text reaches libxml2, which would write them
/// unchanged and so produce a file no parser accepts.
package enum XMLText {
    package static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: return true
        case 0x0..<0x20: return false
        case 0xFFFE, 0xFFFF: return false
        default: return true
        }
    }

    package static func clean(_ text: String) -> String {
        guard holdsForbidden(text) else { return text }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.filter(isAllowed))
        return String(scalars)
    }

    /// Whether the text holds a character `isAllowed` refuses: an ASCII control other than
    /// tab and line breaks, or U+FFFE/U+FFFF (EF BF BE/BF). Every text of every XML output
    /// comes through here, bodies among them, and almost none holds one.
    private static func holdsForbidden(_ text: String) -> Bool {
        text.withBorrowedUTF8 { bytes in
            let marks = { (word: UInt64) in
                ByteWords.controlsButTabAndLineFeed(word) & ~ByteWords.bytes(word, equalTo: 0x0D) | ByteWords.bytes(word, equalTo: 0xEF)
            }
            let forbidden = ByteWords.firstIndex(in: bytes, marking: marks) { at in
                switch bytes[at] {
                case 0x09, 0x0A, 0x0D: return false
                case ..<0x20: return true
                default: return startsFFFEOrFFFF(bytes, at: at)
                }
            }
            return forbidden != nil
        }
    }

    /// Whether U+FFFE or U+FFFF (EF BF BE, EF BF BF), which XML forbids and libxml2 drops,
    /// starts at `index`.
    @inline(__always)
    static func startsFFFEOrFFFF(_ bytes: UnsafeRawBufferPointer, at index: Int) -> Bool {
        bytes[index] == 0xEF && index + 2 < bytes.count && bytes[index + 1] == 0xBF && bytes[index + 2] >= 0xBE
    }
}
