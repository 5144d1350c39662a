/// JSON written straight into bytes, in the exact form Foundation's `JSONEncoder` gives with
/// `.sortedKeys` and `.withoutEscapingSlashes` (and `.prettyPrinted` when `pretty`), so outputs
/// did not change when this replaced it; `JSONTextTests` compares the two on the real postings.
/// `JSONEncoder` boxed every value and sorted every object's keys for every posting: a cold
/// build spent 6% of its time there. Here each type writes its keys in sorted order itself.
///
/// With `scriptSafe`, strings also escape `<`, `>` and `&` (as `\u003c`, `\u003e`, `\u0026`),
/// so the document can sit inside `<script type="application/ld+json">`: no `</script` or
/// `<!--` can appear, and the escapes mean the same text. U+2028 and U+2029 are escaped for
/// older JavaScript parsers.
package struct JSONText {
    package private(set) var bytes: [UInt8] = []
    private let pretty: Bool
    private let scriptSafe: Bool
    /// For each open object or array, whether it has a member yet.
    private var hasMembers: [Bool] = []

    package init(pretty: Bool, scriptSafe: Bool, capacity: Int = 1024) {
        self.pretty = pretty
        self.scriptSafe = scriptSafe
        bytes.reserveCapacity(capacity)
    }

    package mutating func object(_ members: (inout JSONText) -> Void) {
        open(UInt8(ascii: "{"))
        members(&self)
        close(UInt8(ascii: "}"))
    }

    package mutating func array<Element>(_ elements: [Element], _ write: (inout JSONText, Element) -> Void) {
        open(UInt8(ascii: "["))
        for element in elements {
            startMember()
            write(&self, element)
        }
        close(UInt8(ascii: "]"))
    }

    /// Starts a member of the open object; its value is written next. Keys are plain ASCII
    /// names, written as they are.
    package mutating func key(_ name: StaticString) {
        startMember()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes += pretty ? Self.prettyKeyEnd : Self.keyEnd
    }

    package mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { appendString($0) }
    }

    package mutating func bool(_ value: Bool) {
        bytes += value ? Self.trueBytes : Self.falseBytes
    }

    /// As `JSONEncoder` writes a `Double`: its shortest round-trip text without a trailing `.0`.
    package mutating func number(_ value: Double) {
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes += text.utf8
    }

    package mutating func strings(_ values: [String]) {
        array(values) { $0.string($1) }
    }

    /// Each `key` and array element begins here: a comma after the one before, and in pretty
    /// form a line break and two spaces per level.
    private mutating func startMember() {
        guard let last = hasMembers.indices.last else { return }
        if hasMembers[last] { bytes.append(UInt8(ascii: ",")) }
        hasMembers[last] = true
        if pretty { newLine(depth: hasMembers.count) }
    }

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        hasMembers.append(false)
    }

    /// `JSONEncoder` writes an empty pretty container as its brackets around a blank line.
    private mutating func close(_ bracket: UInt8) {
        let hadMembers = hasMembers.removeLast()
        if pretty {
            if !hadMembers { bytes.append(UInt8(ascii: "\n")) }
            newLine(depth: hasMembers.count)
        }
        bytes.append(bracket)
    }

    private mutating func newLine(depth: Int) {
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
    }

    private mutating func appendString(_ text: UnsafeBufferPointer<UInt8>) {
        bytes.append(UInt8(ascii: "\""))
        var runStart = 0
        var index = 0
        while index < text.count {
            let byte = text[index]
            let escape: [UInt8]?
            var length = 1
            switch byte {
            case UInt8(ascii: "\""): escape = Self.quote
            case UInt8(ascii: "\\"): escape = Self.backslash
            case 0x00..<0x20: escape = Self.control[Int(byte)]
            case UInt8(ascii: "<") where scriptSafe: escape = Self.lessThan
            case UInt8(ascii: ">") where scriptSafe: escape = Self.greaterThan
            case UInt8(ascii: "&") where scriptSafe: escape = Self.ampersand
            case 0xE2 where scriptSafe && index + 2 < text.count && text[index + 1] == 0x80 && (text[index + 2] == 0xA8 || text[index + 2] == 0xA9):
                escape = text[index + 2] == 0xA8 ? Self.lineSeparator : Self.paragraphSeparator
                length = 3
            default: escape = nil
            }
            if let escape {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<index]))
                bytes += escape
                runStart = index + length
            }
            index += length
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<text.count]))
        bytes.append(UInt8(ascii: "\""))
    }

    private static let keyEnd = Array("\":".utf8)
    private static let prettyKeyEnd = Array("\" : ".utf8)
    private static let trueBytes = Array("true".utf8)
    private static let falseBytes = Array("false".utf8)
    private static let quote = Array("\\\"".utf8)
    private static let backslash = Array("\\\\".utf8)
    private static let lessThan = Array("\\u003c".utf8)
    private static let greaterThan = Array("\\u003e".utf8)
    private static let ampersand = Array("\\u0026".utf8)
    private static let lineSeparator = Array("\\u2028".utf8)
    private static let paragraphSeparator = Array("\\u2029".utf8)

    /// `\b`, `\t`, `\n`, `\f` and `\r` by name, the other controls as `\u00xx`.
    private static let control: [[UInt8]] = (0..<0x20).map { code in
        switch code {
        case 0x08: return Array("\\b".utf8)
        case 0x09: return Array("\\t".utf8)
        case 0x0A: return Array("\\n".utf8)
        case 0x0C: return Array("\\f".utf8)
        case 0x0D: return Array("\\r".utf8)
        default:
            let hex = Array("0123456789abcdef".utf8)
            return Array("\\u00".utf8) + [hex[code >> 4], hex[code & 0xF]]
        }
    }
}
