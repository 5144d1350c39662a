/// Escaping for HTML text and double-quoted attribute values.
enum HTMLEscaping {
    static func text(_ value: String) -> String {
        escape(value) { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") }
    }

    static func attribute(_ value: String) -> String {
        escape(value) { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "\"") }
    }

    private static func escape(_ value: String, when needsEscape: (UInt8) -> Bool) -> String {
        guard value.utf8.contains(where: needsEscape) else { return value }
        var result = ""
        result.reserveCapacity(value.utf8.count + 16)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
