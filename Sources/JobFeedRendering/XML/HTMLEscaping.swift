
/// Escaping for HTML text and double-quoted attribute values, on UTF-8 bytes.
package enum HTMLEscaping {
    package static func text(_ value: String) -> String {
        var output: [UInt8] = []
        appendText(value, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    package static func attribute(_ value: String) -> String {
        var output: [UInt8] = []
        appendAttribute(value, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    package static func appendText(_ value: String, to output: inout [UInt8]) {
        var value = value
        value.withUTF8 { append($0, to: &output, quotes: false) }
    }

    package static func appendText(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        append(bytes, to: &output, quotes: false)
    }

    package static func appendAttribute(_ value: String, to output: inout [UInt8]) {
        var value = value
        value.withUTF8 { append($0, to: &output, quotes: true) }
    }

    private static let ampersand = Array("&amp;".utf8)
    private static let lessThan = Array("&lt;".utf8)
    private static let greaterThan = Array("&gt;".utf8)
    private static let quote = Array("&quot;".utf8)

    /// Copies runs of bytes that need no escaping whole: this runs over every body three times.
    private static func append(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8], quotes: Bool) {
        var runStart = 0
        for index in bytes.indices {
            let replacement: [UInt8]
            switch bytes[index] {
            case UInt8(ascii: "&"): replacement = ampersand
            case UInt8(ascii: "<"): replacement = lessThan
            case UInt8(ascii: ">"): replacement = greaterThan
            case UInt8(ascii: "\"") where quotes: replacement = quote
            default: continue
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            output.append(contentsOf: replacement)
            runStart = index + 1
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
    }
}
