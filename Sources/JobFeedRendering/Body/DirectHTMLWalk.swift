import JobFeedCore

/// Walks a body's HTML straight from its bytes, handing a visitor what libxml2's parse of the
/// same bytes would hand it, when the HTML is plain enough for that to be certain.
///
/// Building and freeing libxml2's tree cost more than the walk itself. What cmark-gfm writes,
/// and most raw HTML in postings, is plain: lowercase tags properly nested, quoted attributes,
/// the usual character references, comments. For that, libxml2's tree is the tags as written,
/// except where HTML 4 closes an element at another's start tag (`<p><div>`), which this walk
/// asks of libxml2 itself (`HTMLParserRules`). Anything else (a control character libxml2
/// drops, a reference it reads its own way, an unclosed element, `<script>`'s raw text, a name
/// no policy knows) makes the walk give up, and the caller parses with libxml2.
/// `BodyWalkEquivalenceTests` holds the two to the same output.
package enum DirectHTMLWalk {
    /// Walks `html` into `visitor`; false, with the visitor left part-way, when the HTML is not
    /// plain enough.
    package static func walk(_ html: UnsafeBufferPointer<UInt8>, into visitor: inout some HTMLVisitor) -> Bool {
        guard UTF8Validation.isValid(html), let root = HTMLTag.named(HTMLDocument.rootName).parsing else { return false }
        var reader = HTMLReader(html: html)
        var open: [HTMLElement] = []
        var text: [UInt8] = []
        func flushText() {
            guard !text.isEmpty else { return }
            text.withUnsafeBufferPointer { visitor.text($0) }
            text.removeAll(keepingCapacity: true)
        }
        while !reader.atEnd {
            guard reader.startsMarkup else {
                guard reader.readText(into: &text) else { return false }
                continue
            }
            // libxml2 starts a new text node after a comment or an element.
            flushText()
            guard let markup = reader.readMarkup() else { return false }
            switch markup {
            case .comment:
                continue
            case let .end(name):
                guard let element = open.popLast(), element.name == name else { return false }
                visitor.leave(element)
            case let .start(element, selfClosing):
                guard let parsing = element.tag.parsing, element.tag.walk == .visited, open.count < 200,
                      !(open.last?.tag.parsing ?? root).closedBy[parsing.index] else { return false }
                visitor.enter(element)
                if selfClosing || parsing.isEmpty { visitor.leave(element) } else { open.append(element) }
            }
        }
        flushText()
        return open.isEmpty
    }
}
