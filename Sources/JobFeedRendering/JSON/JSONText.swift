@_spi(Specialized) import JobFeedCore

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
        append(name)
        append(pretty ? "\" : " : "\":")
    }

    package mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { appendString($0) }
    }

    package mutating func bool(_ value: Bool) {
        append(value ? "true" : "false")
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
        let mayNeedEscape = scriptSafe ? Self.mayNeedEscapeInScript : Self.mayNeedEscape
        while index < text.count {
            // Nearly every byte is copied as it is: outside a script, words with no byte that
            // can need an escape are passed over whole. Inside one (JSON-LD, whose descriptions
            // are HTML), tags mark most words, and the scan cost more than it saved.
            if !scriptSafe, index + 8 <= text.count {
                let word = UnsafeRawBufferPointer(text).loadUnaligned(fromByteOffset: index, as: UInt64.self)
                if ByteWords.controls(word) | ByteWords.bytes(word, equalTo: 0x22) | ByteWords.bytes(word, equalTo: 0x5C) == 0 {
                    index += 8
                    continue
                }
            }
            let byte = text[index]
            // Only these can need an escape.
            guard mayNeedEscape[Int(byte)] else {
                index += 1
                continue
            }
            var length = 1
            let escape: StaticString
            switch byte {
            case UInt8(ascii: "\""): escape = "\\\""
            case UInt8(ascii: "\\"): escape = "\\\\"
            case UInt8(ascii: "<"): escape = "\\u003c"
            case UInt8(ascii: ">"): escape = "\\u003e"
            case UInt8(ascii: "&"): escape = "\\u0026"
            case 0xE2:
                // U+2028 and U+2029 are E2 80 A8 and E2 80 A9; other characters starting E2 stay.
                guard index + 2 < text.count, text[index + 1] == 0x80, text[index + 2] == 0xA8 || text[index + 2] == 0xA9 else {
                    index += 1
                    continue
                }
                escape = text[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                length = 3
            default:
                escape = Self.controlEscapes[Int(byte)]
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<index]))
            append(escape)
            index += length
            runStart = index
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<text.count]))
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// The bytes that can need an escape, by value: one lookup a byte, where the comparisons of
    /// each byte with each of them took all of the escaping's own samples (3.4% of a cold
    /// build's at 10,000 postings, under perf annotate).
    private static let mayNeedEscape = escapeTable(scriptSafe: false)
    private static let mayNeedEscapeInScript = escapeTable(scriptSafe: true)

    private static func escapeTable(scriptSafe: Bool) -> [Bool] {
        (0...255).map { (byte: Int) in
            byte < 0x20 || byte == Int(UInt8(ascii: "\"")) || byte == Int(UInt8(ascii: "\\"))
                || (scriptSafe && (byte == Int(UInt8(ascii: "<")) || byte == Int(UInt8(ascii: ">")) || byte == Int(UInt8(ascii: "&")) || byte == 0xE2))
        }
    }

    /// `\b`, `\t`, `\n`, `\f` and `\r` by name, the other controls as `\u00xx`.
    private static let controlEscapes: [StaticString] = [
        "\\u0000", "\\u0001", "\\u0002", "\\u0003", "\\u0004", "\\u0005", "\\u0006", "\\u0007", "\\b", "\\t", "\\n", "\\u000b", "\\f", "\\r",
        "\\u000e", "\\u000f", "\\u0010", "\\u0011", "\\u0012", "\\u0013", "\\u0014", "\\u0015", "\\u0016", "\\u0017", "\\u0018", "\\u0019",
        "\\u001a", "\\u001b", "\\u001c", "\\u001d", "\\u001e", "\\u001f",
    ]
}
