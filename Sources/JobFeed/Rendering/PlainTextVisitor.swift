/// Turns a body into plain text for CSV: one line per block, list items as "- item",
/// runs of white space folded.
struct PlainTextVisitor: HTMLVisitor {
    private var lines: [String] = []
    /// The line being built, as Unicode scalars (appending to a `String` per character is slow).
    private var current = String.UnicodeScalarView()
    private var indent = 0
    private var listDepth = 0

    static let blocks: Set<String> = [
        "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr", "details",
        "summary", "dt", "dd", "table", "ul", "ol", "section", "article", "hr", "figcaption", "address",
    ]

    var text: String {
        var copy = self
        copy.breakLine()
        return copy.lines.joined(separator: "\n")
    }

    mutating func enter(_ element: HTMLElement) {
        if element.name == "br" || Self.blocks.contains(element.name) { breakLine() }
        switch element.name {
        case "ul", "ol": listDepth += 1
        case "li":
            indent = max(0, listDepth - 1) * 2
            current.append(contentsOf: "- ".unicodeScalars)
        case "td", "th": appendSpace()
        default: break
        }
    }

    mutating func leave(_ element: HTMLElement) {
        if element.name == "ul" || element.name == "ol" { listDepth -= 1 }
        if Self.blocks.contains(element.name) { breakLine() }
    }

    mutating func text(_ text: String) {
        for scalar in text.unicodeScalars {
            if scalar.isSpace { appendSpace() } else { current.append(scalar) }
        }
    }

    private mutating func appendSpace() {
        if let last = current.last, last != " " { current.append(" ") }
    }

    /// Ends the line; a list marker with nothing after it yet waits for its item's text.
    private mutating func breakLine() {
        let line = String(current).trimmed
        if line == "-" { return }
        if !line.isEmpty { lines.append(String(repeating: " ", count: indent) + line) }
        current = String.UnicodeScalarView()
        indent = 0
    }
}
