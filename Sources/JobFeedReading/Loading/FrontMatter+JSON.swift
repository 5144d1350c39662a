extension FrontMatter {
    /// Front matter that is a JSON object, as Hugo reads it: from the file's first `{` to the
    /// `}` that closes it (braces inside strings do not count); the body starts on the next
    /// line. YAML is a superset of JSON's objects, so the object is read as YAML, line for line.
    static func splitJSON(_ bytes: Substring.UTF8View) -> Result<FrontMatter, Failure> {
        var depth = 0
        var inString = false
        var escaped = false
        var lineNumber = 1
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == 0x0A { lineNumber += 1 }
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
            } else if byte == UInt8(ascii: "\"") {
                inString = true
            } else if byte == UInt8(ascii: "{") {
                depth += 1
            } else if byte == UInt8(ascii: "}") {
                depth -= 1
                if depth == 0 { return .success(closed(bytes, at: index, lineNumber: lineNumber)) }
            }
            index = bytes.index(after: index)
        }
        return .failure(.unclosedJSON)
    }

    /// The split at the object's closing brace: the rest of its line, when blank, is not body.
    private static func closed(_ bytes: Substring.UTF8View, at brace: Substring.UTF8View.Index, lineNumber: Int) -> FrontMatter {
        let afterBrace = bytes.index(after: brace)
        let json = String(Substring(bytes[bytes.startIndex..<afterBrace]))
        let lineEnd = bytes[afterBrace...].firstIndex(of: 0x0A)
        let restIsBlank = bytes[afterBrace..<(lineEnd ?? bytes.endIndex)].allSatisfy { $0 == 0x20 || $0 == 0x09 }
        let bodyStart = restIsBlank ? lineEnd.map { bytes.index(after: $0) } ?? bytes.endIndex : afterBrace
        return FrontMatter(yaml: json, body: String(Substring(bytes[bodyStart...])), bodyStartLine: restIsBlank ? lineNumber + 1 : lineNumber,
                           yamlLineOffset: 0)
    }
}
