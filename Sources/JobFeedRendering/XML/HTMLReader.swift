/// A cursor over HTML bytes that reads the plain subset `DirectHTMLWalk` accepts and answers
/// nil, or false, at anything outside it.
struct HTMLReader {
    let html: UnsafeBufferPointer<UInt8>
    private var index = 0

    init(html: UnsafeBufferPointer<UInt8>) {
        self.html = html
    }

    enum Markup {
        case start(HTMLElement, selfClosing: Bool)
        case end(String)
        case comment
    }

    var atEnd: Bool { index == html.count }
    var startsMarkup: Bool { html[index] == UInt8(ascii: "<") }

    /// Text up to the next `<`, references decoded, appended to `text`.
    mutating func readText(into text: inout [UInt8]) -> Bool {
        readCharacters(into: &text, until: UInt8(ascii: "<"))
    }

    /// A start tag, an end tag or a comment, at a `<`.
    mutating func readMarkup() -> Markup? {
        index += 1
        if skip("/") {
            guard let name = readName(), skip(">") else { return nil }
            return .end(name)
        }
        if skip("!") { return readComment() ? .comment : nil }
        guard let name = readName() else { return nil }
        let tag = HTMLTag.named(name)
        var attributes: [(name: String, value: String)] = []
        while true {
            let spaced = skipBlanks()
            if skip(">") { return .start(HTMLElement(tag: tag, attributes: attributes), selfClosing: false) }
            if skip("/") {
                guard skip(">") else { return nil }
                return .start(HTMLElement(tag: tag, attributes: attributes), selfClosing: true)
            }
            guard spaced, let attribute = readName(), !attributes.contains(where: { $0.name == attribute }) else { return nil }
            var value: [UInt8] = []
            if skip("=") {
                guard index < html.count, html[index] == UInt8(ascii: "\"") || html[index] == UInt8(ascii: "'") else { return nil }
                let quote = html[index]
                index += 1
                guard readCharacters(into: &value, until: quote), index < html.count else { return nil }
                index += 1
            }
            attributes.append((attribute, String(decoding: value, as: UTF8.self)))
        }
    }

    /// `<!--` … `-->`, after the `!`, with no `--` inside and no `>` right after the opening,
    /// which HTML reads in ways of its own.
    private mutating func readComment() -> Bool {
        guard skip("-"), skip("-"), index < html.count, html[index] != UInt8(ascii: ">") else { return false }
        while index + 1 < html.count {
            if html[index] == UInt8(ascii: "-") && html[index + 1] == UInt8(ascii: "-") {
                index += 2
                return skip(">")
            }
            index += 1
        }
        return false
    }

    /// A lowercase ASCII letter, then lowercase letters and digits.
    private mutating func readName() -> String? {
        let start = index
        while index < html.count, Self.isLowercaseLetter(html[index]) || (index > start && Self.isDigit(html[index])) { index += 1 }
        guard index > start else { return nil }
        return String(decoding: UnsafeBufferPointer(rebasing: html[start..<index]), as: UTF8.self)
    }

    /// Characters up to `stop` (not consumed), references decoded; false at a byte or a
    /// reference libxml2 would not keep as written.
    private mutating func readCharacters(into output: inout [UInt8], until stop: UInt8) -> Bool {
        while index < html.count {
            let start = index
            while index < html.count {
                let byte = html[index]
                if byte == stop || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") { break }
                // libxml2 drops the C0 controls XML 1.0 has no place for, and U+FFFE and U+FFFF;
                // a carriage return it keeps, but no body needs one walked directly.
                if byte < 0x20 && byte != 0x09 && byte != 0x0A { return false }
                if byte == 0xEF, XMLText.startsFFFEOrFFFF(UnsafeRawBufferPointer(html), at: index) { return false }
                index += 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: html[start..<index]))
            guard index < html.count, html[index] == UInt8(ascii: "&") else { break }
            guard let scalar = readReference() else { return false }
            output.append(contentsOf: String(Character(scalar)).utf8)
        }
        return index == html.count ? stop == UInt8(ascii: "<") : html[index] == stop
    }

    /// `&name;`, `&#123;` or `&#x7B;`, for a character XML allows other than a control.
    private mutating func readReference() -> Unicode.Scalar? {
        index += 1
        let scalar: Unicode.Scalar?
        if skip("#") {
            let isHex = skip("x") || skip("X")
            let start = index
            while index < html.count, index - start < 7, isHex ? Self.isHexDigit(html[index]) : Self.isDigit(html[index]) { index += 1 }
            guard index > start else { return nil }
            let digits = String(decoding: UnsafeBufferPointer(rebasing: html[start..<index]), as: UTF8.self)
            scalar = UInt32(digits, radix: isHex ? 16 : 10).flatMap(Unicode.Scalar.init)
        } else {
            let start = index
            while index < html.count, Self.isLetter(html[index]) || (index > start && Self.isDigit(html[index])) { index += 1 }
            guard index > start else { return nil }
            scalar = HTMLParserRules.namedReference(String(decoding: UnsafeBufferPointer(rebasing: html[start..<index]), as: UTF8.self))
        }
        guard skip(";"), let scalar, scalar.value >= 0x20 || scalar == "\t" || scalar == "\n",
              scalar.value != 0xFFFE, scalar.value != 0xFFFF else { return nil }
        return scalar
    }

    private mutating func skip(_ character: Unicode.Scalar) -> Bool {
        guard index < html.count, html[index] == UInt8(ascii: character) else { return false }
        index += 1
        return true
    }

    /// Spaces, tabs and line feeds; whether there were any.
    private mutating func skipBlanks() -> Bool {
        let start = index
        while index < html.count, html[index] == 0x20 || html[index] == 0x09 || html[index] == 0x0A { index += 1 }
        return index > start
    }

    private static func isLowercaseLetter(_ byte: UInt8) -> Bool { (0x61...0x7A).contains(byte) }
    private static func isLetter(_ byte: UInt8) -> Bool { isLowercaseLetter(byte | 0x20) }
    private static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
    private static func isHexDigit(_ byte: UInt8) -> Bool { isDigit(byte) || (0x61...0x66).contains(byte | 0x20) }
}
