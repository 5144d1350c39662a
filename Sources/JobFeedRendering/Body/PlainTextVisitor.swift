import JobFeedCore

/// Turns a body into plain text for CSV: one line per block, list items as "- item",
/// runs of white space folded.
package struct PlainTextVisitor: HTMLVisitor {
    /// The finished lines, joined by line breaks, as UTF-8 bytes: this runs over every
    /// character of every body.
    private var lines: [UInt8] = []
    /// The line being built.
    private var current: [UInt8] = []
    private var indent = 0
    private var listDepth = 0

    package static let blocks: Set<String> = [
        "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr", "details",
        "summary", "dt", "dd", "table", "ul", "ol", "section", "article", "hr", "figcaption", "address",
    ]

    package var text: String {
        var copy = self
        copy.breakLine()
        return UTF8Validation.string(copy.lines)
    }

    /// What an element does to the lines of plain text.
    package struct Role: Sendable {
        let breaksBefore: Bool
        let breaksAfter: Bool
        let kind: Kind

        enum Kind: Sendable {
            case list, item, cell, other
        }

        init(_ name: String) {
            breaksAfter = PlainTextVisitor.blocks.contains(name)
            breaksBefore = breaksAfter || name == "br"
            switch name {
            case "ul", "ol": kind = .list
            case "li": kind = .item
            case "td", "th": kind = .cell
            default: kind = .other
            }
        }
    }

    package mutating func enter(_ element: HTMLElement) {
        let role = element.tag.plain
        if role.breaksBefore { breakLine() }
        switch role.kind {
        case .list: listDepth += 1
        case .item:
            indent = max(0, listDepth - 1) * 2
            current += [UInt8(ascii: "-"), 0x20]
        case .cell: appendSpace()
        case .other: break
        }
    }

    package mutating func leave(_ element: HTMLElement) {
        let role = element.tag.plain
        if role.kind == .list { listDepth -= 1 }
        if role.breaksAfter { breakLine() }
    }

    /// Copies the runs between white space whole; each white-space byte folds into one space.
    package mutating func text(_ text: UnsafeBufferPointer<UInt8>) {
        var runStart = 0
        for index in text.indices where text[index] == 0x20 || (0x09...0x0D).contains(text[index]) {
            current.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<index]))
            appendSpace()
            runStart = index + 1
        }
        current.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart...]))
    }

    private mutating func appendSpace() {
        if let last = current.last, last != 0x20 { current.append(0x20) }
    }

    /// Ends the line; a list marker with nothing after it yet waits for its item's text.
    private mutating func breakLine() {
        while current.last == 0x20 { current.removeLast() }
        if current == [UInt8(ascii: "-")] { current.append(0x20); return }
        if !current.isEmpty {
            if !lines.isEmpty { lines.append(UInt8(ascii: "\n")) }
            lines.append(contentsOf: repeatElement(0x20, count: indent))
            lines += current
        }
        current.removeAll(keepingCapacity: true)
        indent = 0
    }
}
