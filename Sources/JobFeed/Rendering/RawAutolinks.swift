/// Turns `<mailto:x@y.z>` and `<https://…>` left in raw HTML blocks into links.
///
/// cmark-gfm makes such autolinks only in Markdown paragraphs; inside a raw HTML block they
/// stay as they are, and an HTML parser would read them as unknown elements and lose them.
enum RawAutolinks {
    static let schemes = ["mailto:", "http://", "https://"]

    static func rewrite(_ html: String) -> String {
        guard html.contains("<mailto:") || html.contains("<http") else { return html }
        var output = ""
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            output += rest[..<open]
            let candidate = rest[rest.index(after: open)...]
            if let target = autolink(at: candidate) {
                let text = target.hasPrefix("mailto:") ? String(target.dropFirst(7)) : target
                output += "<a href=\"\(HTMLEscaping.attribute(target))\">\(HTMLEscaping.text(text))</a>"
                rest = candidate[candidate.index(candidate.startIndex, offsetBy: target.count + 1)...]
            } else {
                output += "<"
                rest = candidate
            }
        }
        return output + rest
    }

    /// The link target if `text` starts with `scheme…>` and no space, quote or `<` comes first.
    private static func autolink(at text: Substring) -> String? {
        let head = text.prefix(8).lowercased()
        guard schemes.contains(where: { head.hasPrefix($0) }) else { return nil }
        guard let close = text.firstIndex(where: { $0 == ">" || $0 == "<" || $0 == " " || $0 == "\"" || $0 == "\n" }),
              text[close] == ">" else { return nil }
        return String(text[..<close])
    }
}
