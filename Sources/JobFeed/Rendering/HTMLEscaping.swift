/// Escaping for HTML text and double-quoted attribute values, on UTF-8 bytes.
enum HTMLEscaping {
    static func text(_ value: String) -> String {
        var output: [UInt8] = []
        appendText(value, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    static func attribute(_ value: String) -> String {
        var output: [UInt8] = []
        appendAttribute(value, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    static func appendText(_ value: String, to output: inout [UInt8]) {
        append(value, to: &output, quotes: false)
    }

    static func appendAttribute(_ value: String, to output: inout [UInt8]) {
        append(value, to: &output, quotes: true)
    }

    private static let ampersand = Array("&amp;".utf8)
    private static let lessThan = Array("&lt;".utf8)
    private static let greaterThan = Array("&gt;".utf8)
    private static let quote = Array("&quot;".utf8)

    private static func append(_ value: String, to output: inout [UInt8], quotes: Bool) {
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "&"): output += ampersand
            case UInt8(ascii: "<"): output += lessThan
            case UInt8(ascii: ">"): output += greaterThan
            case UInt8(ascii: "\"") where quotes: output += quote
            default: output.append(byte)
            }
        }
    }
}
