/// A cursor over a TOML document's UTF-8 bytes: the character tests and skips that every rule
/// shares, and the one place errors are made, at the cursor's line and column.
struct TOMLScanner {
    let bytes: [UInt8]
    var offset = 0
    /// How many arrays and inline tables the cursor is inside: hostile input nested deep
    /// enough would otherwise take the stack (and the build) with it.
    var depth = 0
    /// More than any front matter or site config nests, far less than would exhaust a stack.
    static let maxDepth = 100
    private let lineStarts: [Int]

    init(_ text: String) {
        bytes = Array(text.utf8)
        var starts = [0]
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { starts.append(index + 1) }
        lineStarts = starts
    }

    var current: UInt8? { offset < bytes.count ? bytes[offset] : nil }
    var atEnd: Bool { offset >= bytes.count }

    func peek(_ distance: Int) -> UInt8? {
        offset + distance < bytes.count ? bytes[offset + distance] : nil
    }

    func starts(with text: String) -> Bool {
        let utf8 = Array(text.utf8)
        return offset + utf8.count <= bytes.count && bytes[offset..<offset + utf8.count].elementsEqual(utf8)
    }

    mutating func skip(_ text: String) -> Bool {
        guard starts(with: text) else { return false }
        offset += text.utf8.count
        return true
    }

    mutating func expect(_ text: String, _ message: String) throws(TOMLError) {
        guard skip(text) else { throw error(message) }
    }

    /// Spaces and tabs, the only whitespace inside a line.
    mutating func skipWhitespace() {
        while let byte = current, byte == 0x20 || byte == 0x09 { offset += 1 }
    }

    /// A comment to the end of its line; control characters other than tab are not allowed in one.
    mutating func skipComment() throws(TOMLError) {
        guard current == UInt8(ascii: "#") else { return }
        offset += 1
        while let byte = current, byte != 0x0A {
            if Self.isControl(byte) && byte != 0x09 { throw error("a comment cannot hold a control character") }
            offset += 1
        }
    }

    /// Between an array's values: whitespace, newlines and comments.
    mutating func skipArraySpace() throws(TOMLError) {
        while true {
            skipWhitespace()
            if current == 0x0A {
                offset += 1
            } else if current == UInt8(ascii: "#") {
                try skipComment()
            } else {
                return
            }
        }
    }

    static func isControl(_ byte: UInt8) -> Bool { byte < 0x20 || byte == 0x7F }

    static func isBareKey(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"): true
        default: false
        }
    }

    func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

    /// Where `offset` is: its line, and its column in Unicode scalars.
    func position(at offset: Int? = nil) -> TOMLPosition {
        let offset = min(offset ?? self.offset, bytes.count)
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        let column = bytes[lineStarts[low]..<offset].reduce(1) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
        return TOMLPosition(line: low + 1, column: column)
    }

    func error(_ message: String, at offset: Int? = nil) -> TOMLError {
        TOMLError(message: message, position: position(at: offset))
    }
}
