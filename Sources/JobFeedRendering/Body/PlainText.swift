import JobFeedCore

/// Text from front-matter fields (titles, summaries), which is text, not markup: character
/// references copied from WordPress (`&#8211;`, `&amp;`) are decoded, and `<`, `>` and `<!--`
/// stay as written (`C++ <Senior> Engineer`), to be escaped wherever the text goes.
package enum PlainText {
    package static func from(_ text: String) -> String {
        // A byte scan: `contains("&")` resolved to Foundation's, `NSString.range(of:)`, 1% of a
        // cold build's CPU.
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        var output = ""
        var rest = Substring(text)
        while let ampersand = rest.firstIndex(of: "&") {
            output += rest[..<ampersand]
            rest = rest[ampersand...]
            if let (decoded, length) = reference(at: rest) {
                output.unicodeScalars.append(decoded)
                rest = rest.dropFirst(length)
            } else {
                output.append("&")
                rest = rest.dropFirst()
            }
        }
        return output + rest
    }

    /// The character a reference (`&name;`, `&#8211;`, `&#x2013;`) at the start of `text`
    /// stands for, and its length in characters.
    private static func reference(at text: Substring) -> (Unicode.Scalar, Int)? {
        guard let semicolon = text.prefix(34).firstIndex(of: ";") else { return nil }
        let name = text[text.index(after: text.startIndex)..<semicolon]
        let length = name.count + 2
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let isHex = digits.first == "x" || digits.first == "X"
            guard let value = UInt32(isHex ? digits.dropFirst() : digits, radix: isHex ? 16 : 10), value != 0,
                  let scalar = Unicode.Scalar(value) else { return nil }
            return (scalar, length)
        }
        guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }),
              let scalar = HTMLParserRules.namedReference(String(name)) else { return nil }
        return (scalar, length)
    }
}
