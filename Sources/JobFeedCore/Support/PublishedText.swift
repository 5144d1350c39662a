/// A posting's text as every output carries it, made once when the posting is read, so that
/// the feeds, the CSV and the JSON agree: XML cannot carry controls and its parsers turn a CR
/// into a line feed, the CSV writes line breaks as CRLF, and JSON keeps anything. Controls
/// other than tab and line feed are left out (a CR, alone or before a line feed, is a line
/// feed), and so are noncharacters (U+FFFE, U+FFFF…), which mean nothing.
package enum PublishedText {
    /// Text that may run over lines: a summary.
    package static func block(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsWork) else { return text }
        var kept = String.UnicodeScalarView()
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            defer { previous = scalar }
            if scalar == "\n", previous == "\r" { continue }
            if scalar == "\r" {
                kept.append("\n")
            } else if scalar == "\t" || scalar == "\n" || !(scalar.properties.generalCategory == .control || scalar.properties.isNoncharacterCodePoint) {
                kept.append(scalar)
            }
        }
        return String(kept)
    }

    /// Text that is one line wherever it goes (a title, an address part, an identifier, a
    /// category): each run of line breaks and tabs, with the spaces around it, is one space.
    package static func line(_ text: String) -> String {
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

    private static func needsWork(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t" && scalar != "\n") || (0x7F...0x9F).contains(scalar.value)
            || scalar.properties.isNoncharacterCodePoint
    }

    /// A line break or tab: U+2028 and U+2029 too, which JavaScript once read as line ends.
    private static func isBreak(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\n" || scalar == "\t" || scalar == "\u{2028}" || scalar == "\u{2029}"
    }
}
