extension TOMLScanner {
    /// A dotted key (`site."google.com".title`), its parts unquoted, with each part's position.
    mutating func key() throws(TOMLError) -> [(String, TOMLPosition)] {
        var parts: [(String, TOMLPosition)] = []
        while true {
            let start = position()
            parts.append((try keyPart(), start))
            guard parts.count <= Self.maxDepth else { throw error("a key of more than \(Self.maxDepth) dotted parts") }
            skipWhitespace()
            guard skip(".") else { return parts }
            skipWhitespace()
        }
    }

    private mutating func keyPart() throws(TOMLError) -> String {
        switch current {
        case UInt8(ascii: "\""):
            if starts(with: "\"\"\"") { throw error("a key cannot be a multi-line string") }
            return try basicString(multiline: false)
        case UInt8(ascii: "'"):
            if starts(with: "'''") { throw error("a key cannot be a multi-line string") }
            return try literalString(multiline: false)
        case let byte? where Self.isBareKey(byte):
            let start = offset
            while let byte = current, Self.isBareKey(byte) { offset += 1 }
            return text(start..<offset)
        default:
            throw error("expected a key: letters, digits, '_' and '-', or a quoted string")
        }
    }

    /// A string of either quote, one line or three quotes; the cursor is on its first quote.
    mutating func string() throws(TOMLError) -> String {
        let literal = current == UInt8(ascii: "'")
        let multiline = starts(with: literal ? "'''" : "\"\"\"")
        var value = literal ? try literalString(multiline: multiline) : try basicString(multiline: multiline)
        if multiline {
            // A closing run of four or five quotes ends with the delimiter; the first ones are text.
            let quote = literal ? "'" : "\""
            for _ in 0..<2 where skip(quote) { value += quote }
        }
        return value
    }

    private mutating func literalString(multiline: Bool) throws(TOMLError) -> String {
        let delimiter = multiline ? "'''" : "'"
        offset += delimiter.utf8.count
        if multiline { _ = skip("\n") }
        let start = offset
        while !starts(with: delimiter) {
            guard let byte = current else { throw error("the string is not closed; add \(delimiter)") }
            try check(byte, multiline: multiline)
            offset += 1
        }
        defer { offset += delimiter.utf8.count }
        return text(start..<offset)
    }

    private mutating func basicString(multiline: Bool) throws(TOMLError) -> String {
        let delimiter = multiline ? "\"\"\"" : "\""
        offset += delimiter.utf8.count
        if multiline { _ = skip("\n") }
        var result: [UInt8] = []
        while !skip(delimiter) {
            guard let byte = current else { throw error("the string is not closed; add \(delimiter)") }
            if byte == UInt8(ascii: "\\") {
                try escape(into: &result, multiline: multiline)
                continue
            }
            try check(byte, multiline: multiline)
            result.append(byte)
            offset += 1
        }
        return String(decoding: result, as: UTF8.self)
    }

    private func check(_ byte: UInt8, multiline: Bool) throws(TOMLError) {
        if byte == 0x0A && !multiline { throw error("the string is not closed on its line") }
        if Self.isControl(byte) && byte != 0x09 && byte != 0x0A {
            throw error("a string cannot hold a control character; write it as an escape (\\u0000)")
        }
    }

    private mutating func escape(into result: inout [UInt8], multiline: Bool) throws(TOMLError) {
        let start = offset
        offset += 1
        let simple: [UInt8: UInt8] = [UInt8(ascii: "b"): 0x08, UInt8(ascii: "t"): 0x09, UInt8(ascii: "n"): 0x0A,
                                      UInt8(ascii: "f"): 0x0C, UInt8(ascii: "r"): 0x0D, UInt8(ascii: "\""): 0x22,
                                      UInt8(ascii: "\\"): 0x5C]
        if let byte = current, let replacement = simple[byte] {
            result.append(replacement)
            offset += 1
        } else if current == UInt8(ascii: "u") || current == UInt8(ascii: "U") {
            let digits = current == UInt8(ascii: "u") ? 4 : 8
            let hex = bytes[min(offset + 1, bytes.count)..<min(offset + 1 + digits, bytes.count)]
            guard hex.count == digits, hex.allSatisfy({ $0.isHexDigit }), let value = UInt32(text(offset + 1..<offset + 1 + digits), radix: 16),
                let scalar = Unicode.Scalar(value)
            else { throw error("\\u is followed by \(digits) hexadecimal digits that name a Unicode scalar value", at: start) }
            result.append(contentsOf: Array(String(scalar).utf8))
            offset += 1 + digits
        } else if multiline, trimsLine() {
            return
        } else {
            throw error("unknown escape; write a backslash as \\\\", at: start)
        }
    }

    /// A backslash that ends a line in a multi-line string trims the line break and the
    /// whitespace after it.
    private mutating func trimsLine() -> Bool {
        var probe = offset
        while probe < bytes.count, bytes[probe] == 0x20 || bytes[probe] == 0x09 { probe += 1 }
        guard probe < bytes.count, bytes[probe] == 0x0A else { return false }
        while probe < bytes.count, [0x20, 0x09, 0x0A].contains(bytes[probe]) { probe += 1 }
        offset = probe
        return true
    }
}

extension UInt8 {
    var isHexDigit: Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(self)
            || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(self)
    }
}
