import JobFeedCore

/// Reduces a body to the tags Google's job-posting guidelines allow in `description`
/// (`p ul ol li h1-h5 strong em br`); links keep their text, other elements keep their content,
/// and elements left empty (an image's paragraph) are dropped.
package struct GoogleHTMLVisitor: HTMLVisitor {
    private var output: [UInt8] = []
    /// For each open element: what it was written as, whether that is a text container, where
    /// its start tag began, and `written` before it (restored when the element is dropped).
    private var open: [(name: String?, isTextContainer: Bool, start: Int, writtenBefore: Int)] = []
    /// The end of the last bytes other than ASCII white space in `output`: an element whose
    /// content ends no later than its start tag holds nothing but white space. Checking each
    /// element's content byte by byte read a list's items again at the list's end, and an
    /// item's at the item's.
    private var written = 0
    /// How many of the open elements are text containers (kept rather than searched for).
    private var openTextContainers = 0

    package static let allowed: Set<String> = ["p", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "strong", "em", "br"]
    package static let renamed: [String: String] = ["b": "strong", "i": "em", "h6": "h5"]
    /// Blocks that become paragraphs so their text does not run into the next block's.
    package static let paragraphLike: Set<String> = ["div", "summary", "blockquote", "pre", "dt", "dd", "figcaption", "caption", "tr", "address"]
    package static let textContainers: Set<String> = ["p", "li", "h1", "h2", "h3", "h4", "h5"]

    package var html: String { UTF8Validation.string(output) }

    /// What an element becomes in Google's HTML.
    package enum Role: Sendable {
        case lineBreak
        /// Written as `name` (after renaming).
        case kept(name: String, isTextContainer: Bool)
        /// Written as a paragraph unless inside a text container.
        case paragraphLike
        /// A table cell: its content kept, set apart by a space.
        case cell
        /// Its content kept, the element itself left out.
        case unwrapped

        init(_ element: String) {
            let name = GoogleHTMLVisitor.renamed[element] ?? element
            if name == "br" {
                self = .lineBreak
            } else if GoogleHTMLVisitor.allowed.contains(name) {
                self = .kept(name: name, isTextContainer: GoogleHTMLVisitor.textContainers.contains(name))
            } else if GoogleHTMLVisitor.paragraphLike.contains(name) {
                self = .paragraphLike
            } else {
                self = name == "td" || name == "th" ? .cell : .unwrapped
            }
        }
    }

    package mutating func enter(_ element: HTMLElement) {
        let start = output.count
        let writtenBefore = written
        switch element.tag.google {
        case .lineBreak:
            appendMarkup("<br>")
            open.append((nil, false, start, writtenBefore))
        case let .kept(name, isTextContainer):
            appendTag(opening: true, name)
            push(name, isTextContainer, start, writtenBefore)
        case .paragraphLike where !insideTextContainer:
            appendMarkup("<p>")
            push("p", true, start, writtenBefore)
        case .cell:
            if !endsWithSpace { append(" ") }
            open.append((nil, false, start, writtenBefore))
        case .paragraphLike, .unwrapped:
            open.append((nil, false, start, writtenBefore))
        }
    }

    package mutating func leave(_ element: HTMLElement) {
        guard let (name, isTextContainer, start, writtenBefore) = open.popLast(), let name else { return }
        if isTextContainer { openTextContainers -= 1 }
        if written <= start + name.utf8.count + 2 {
            output.removeSubrange(start...)
            written = writtenBefore
        } else {
            appendTag(opening: false, name)
        }
    }

    package mutating func text(_ text: UnsafeBufferPointer<UInt8>) {
        if Self.isAllSpace(text) {
            if !endsWithSpace && !output.isEmpty { append(insideTextContainer ? " " : "\n") }
            return
        }
        // Not all white space, so it holds a byte other than ASCII white space.
        HTMLEscaping.appendText(text, to: &output)
        written = output.count
    }

    /// White space only (by Unicode's definition); decodes only text made of nothing but ASCII
    /// white space and non-ASCII characters.
    private static func isAllSpace(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var hasNonASCII = false
        for byte in text {
            if byte >= 0x80 {
                hasNonASCII = true
            } else if !(byte == 0x20 || (0x09...0x0D).contains(byte)) {
                return false
            }
        }
        return !hasNonASCII || String(decoding: text, as: UTF8.self).unicodeScalars.allSatisfy(\.isSpace)
    }

    /// White space.
    private mutating func append(_ space: String) {
        output.append(contentsOf: space.utf8)
    }

    private mutating func appendMarkup(_ markup: String) {
        output.append(contentsOf: markup.utf8)
        written = output.count
    }

    /// `<name>` or `</name>`, written without building a string for each element.
    private mutating func appendTag(opening: Bool, _ name: String) {
        output.append(UInt8(ascii: "<"))
        if !opening { output.append(UInt8(ascii: "/")) }
        output.append(contentsOf: name.utf8)
        output.append(UInt8(ascii: ">"))
        written = output.count
    }

    private var endsWithSpace: Bool {
        output.last == 0x20 || output.last == 0x0A
    }

    private var insideTextContainer: Bool {
        openTextContainers > 0
    }

    private mutating func push(_ name: String, _ isTextContainer: Bool, _ start: Int, _ writtenBefore: Int) {
        open.append((name, isTextContainer, start, writtenBefore))
        if isTextContainer { openTextContainers += 1 }
    }
}
