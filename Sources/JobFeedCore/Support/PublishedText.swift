/// A posting's text as every output carries it, made once when the posting is read, so that
/// the feeds, the CSV and the JSON agree: XML cannot carry controls and its parsers turn a CR
/// into a line feed, the CSV writes line breaks as CRLF, and JSON keeps anything.
///
/// - Controls other than tab and line feed are left out; a CR, alone or before a line feed, is
///   a line feed. So are noncharacters (U+FFFE, U+FFFF…), which mean nothing.
/// - The C1 controls (U+0080–U+009F) are text pasted from Windows-1252 and decoded as Latin-1:
///   U+0092 was a `’`, U+0096 a `–`. Each becomes the character it stood for, as HTML does for
///   such character references (WHATWG's table); the five with no meaning there are left out.
///   Feed validators flag them, and readers show them as boxes or nothing.
package enum PublishedText {
    /// Text that may run over lines: a summary, a body.
    package static func block(_ text: String) -> String {
        guard mayNeedWork(text) else { return text }
        var kept = String.UnicodeScalarView()
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            defer { previous = scalar }
            switch scalar.value {
            case 0x0A where previous == "\r":
                continue
            case 0x0D:
                kept.append("\n")
            case 0x09, 0x0A:
                kept.append(scalar)
            case 0x80...0x9F:
                if let meant = windows1252[Int(scalar.value - 0x80)] { kept.append(meant) }
            case ..<0x20, 0x7F:
                continue
            default:
                if !scalar.properties.isNoncharacterCodePoint { kept.append(scalar) }
            }
        }
        return String(kept)
    }

    /// Text that is one line wherever it goes (a title, an address part, an identifier, a
    /// category): each run of line breaks and tabs, with the spaces around it, is one space.
    package static func line(_ text: String) -> String {
        if isPrintableASCII(text) { return text.trimmed }
        let block = block(text)
        guard block.unicodeScalars.contains(where: isBreak) else { return block.trimmed }
        var kept = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in block.unicodeScalars {
            if isBreak(scalar) {
                while kept.last == " " { kept.removeLast() }
                pendingSpace = true
            } else if pendingSpace, scalar == " " {
                continue
            } else {
                if pendingSpace { kept.append(" ") }
                pendingSpace = false
                kept.append(scalar)
            }
        }
        return String(kept).trimmed
    }

    /// A line without the characters no reader shows as a glyph: what remains of an
    /// identifier, or of a title, once published. Empty, the text shows nothing.
    package static func visibleLine(_ text: String) -> String {
        let line = line(text)
        // Printable ASCII is never invisible: only the other characters are looked up (a
        // French title's few accented letters), and a line with none invisible is kept as it is.
        guard line.unicodeScalars.contains(where: { !(0x20..<0x7F).contains($0.value) && isInvisible($0) }) else { return line }
        return String(String.UnicodeScalarView(line.unicodeScalars.filter { !isInvisible($0) })).trimmed
    }

    /// A format character (zero-width spaces, direction marks, U+FEFF), a control or a
    /// noncharacter.
    private static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format: true
        default: scalar.properties.isNoncharacterCodePoint
        }
    }

    /// Printable ASCII only, as most titles, identifiers and address parts are: nothing to do
    /// but trim.
    package static func isPrintableASCII(_ text: String) -> Bool {
        !text.containsUTF8Byte { $0 < 0x20 || $0 >= 0x7F }
    }

    /// Whether the UTF-8 holds a C0 control other than tab and line feed, DEL, a C1 control
    /// (C2 80–9F) or a noncharacter (EF B7 90–AF, EF BF BE–BF, and U+nFFFE/U+nFFFF in the
    /// other planes). Every body goes through here and almost none needs more, so it is read
    /// eight bytes at a time (`ByteWords`' masks), and only a word holding a byte that can start
    /// one of those is looked at byte by byte: a control, DEL, C2, EF, or F0 and above. French
    /// text's accented letters (C3 xx) and typographic marks (E2 80 xx) pass with the ASCII;
    /// its C2 A0 and C2 AB, none of them C1 controls, are looked at.
    private static func mayNeedWork(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            ByteWords.firstIndex(in: UnsafeRawBufferPointer(bytes), marking: { word in
                ByteWords.controlsButTabAndLineFeed(word) | ByteWords.bytes(word, equalTo: 0x7F) | ByteWords.bytes(word, equalTo: 0xC2)
                    | ByteWords.bytes(word, equalTo: 0xEF) | ByteWords.fourByteLeads(word)
            }, where: { startsWork(at: $0, in: bytes) }) != nil
        }
    }

    /// Whether what starts at this byte is something `block` changes (see `mayNeedWork`).
    private static func startsWork(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        switch bytes[index] {
        case 0x09, 0x0A:
            return false
        case ..<0x20, 0x7F:
            return true
        case 0xC2:
            return index + 1 < bytes.count && (0x80...0x9F).contains(bytes[index + 1])
        case 0xEF:
            guard index + 2 < bytes.count else { return false }
            let (second, third) = (bytes[index + 1], bytes[index + 2])
            return (second == 0xB7 && (0x90...0xAF).contains(third)) || (second == 0xBF && third >= 0xBE)
        case 0xF0...0xF4:
            return index + 3 < bytes.count && bytes[index + 1] & 0x0F == 0x0F && bytes[index + 2] == 0xBF && bytes[index + 3] >= 0xBE
        default:
            return false
        }
    }

    /// A line break or tab: U+2028 and U+2029 too, which JavaScript once read as line ends.
    private static func isBreak(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\n" || scalar == "\t" || scalar == "\u{2028}" || scalar == "\u{2029}"
    }

    /// What U+0080 to U+009F stand for in Windows-1252 (nil: nothing there).
    private static let windows1252: [Unicode.Scalar?] = [
        "\u{20AC}", nil, "\u{201A}", "\u{0192}", "\u{201E}", "\u{2026}", "\u{2020}", "\u{2021}",
        "\u{02C6}", "\u{2030}", "\u{0160}", "\u{2039}", "\u{0152}", nil, "\u{017D}", nil,
        nil, "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2022}", "\u{2013}", "\u{2014}",
        "\u{02DC}", "\u{2122}", "\u{0161}", "\u{203A}", "\u{0153}", nil, "\u{017E}", "\u{0178}",
    ]
}
