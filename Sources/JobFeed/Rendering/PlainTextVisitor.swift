import Foundation

/// Turns a body into plain text for CSV: one line per block, list items as "- item",
/// runs of white space folded.
struct PlainTextVisitor: HTMLVisitor {
    private var lines: [String] = []
    private var current = ""
    private var listDepth = 0

    static let blocks: Set<String> = [
        "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr", "details",
        "summary", "dt", "dd", "table", "ul", "ol", "section", "article", "hr", "figcaption", "address",
    ]

    var text: String {
        var all = lines
        let last = current.trimmingCharacters(in: .whitespaces)
        if !last.isEmpty { all.append(last) }
        return all.joined(separator: "\n")
    }

    mutating func enter(_ element: HTMLElement) {
        if element.name == "br" || Self.blocks.contains(element.name) { breakLine() }
        switch element.name {
        case "ul", "ol": listDepth += 1
        case "li": current = String(repeating: "  ", count: max(0, listDepth - 1)) + "- "
        case "td", "th": current += " "
        default: break
        }
    }

    mutating func leave(_ element: HTMLElement) {
        if element.name == "ul" || element.name == "ol" { listDepth -= 1 }
        if Self.blocks.contains(element.name) { breakLine() }
    }

    mutating func text(_ text: String) {
        var folded = ""
        var lastWasSpace = current.last == " " || current.isEmpty
        for character in text {
            if character.isWhitespace {
                if !lastWasSpace { folded.append(" ") }
                lastWasSpace = true
            } else {
                folded.append(character)
                lastWasSpace = false
            }
        }
        current += folded
    }

    private mutating func breakLine() {
        let line = current.trimmingCharacters(in: .whitespaces)
        let isBareMarker = line == "-"
        if !line.isEmpty && !isBareMarker { lines.append(String(repeating: " ", count: leadingSpaces) + line) }
        if !isBareMarker { current = "" }
    }

    private var leadingSpaces: Int {
        current.prefix { $0 == " " }.count
    }
}

