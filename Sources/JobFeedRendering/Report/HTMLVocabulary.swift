/// The HTML elements the status page uses, spelled once. `isVoid` ones take no end tag; every
/// other one gets one, even when empty.
package enum HTML: String, XMLVocabulary {
    case html, head, meta, title, style, body, header, main, footer, section, figure, figcaption
    case h1, h2, h3, p, a, strong, span, time, code, div
    case table, caption, thead, tbody, tr, th, td

    var isVoid: Bool { self == .meta }
}

package enum HTMLAttribute: String, XMLVocabulary {
    case lang, charset, name, content, id, `class`, href, scope, datetime, role
    case ariaLabelledBy = "aria-labelledby"
    case dataCount = "data-count"
}

/// The inline SVG elements of the page's plots.
package enum SVG: String, XMLVocabulary {
    case svg, title, desc, g, line, polyline, circle, rect, text
}

package enum SVGAttribute: String, XMLVocabulary {
    case xmlns, viewBox, width, height, role, x, y, x1, y1, x2, y2, cx, cy, r, points
    case `class`, id, textAnchor = "text-anchor"
    case ariaLabelledBy = "aria-labelledby"
}

/// Writes an HTML page through libxml2's writer, which escapes every text and attribute value,
/// with nesting in closures so that every element is closed where it opens.
package struct HTMLPageWriter {
    package let xml: XMLWriter

    package init() throws(XMLWriterError) {
        xml = try XMLWriter(prolog: .html)
    }

    package func element(_ name: HTML, _ attributes: KeyValuePairs<HTMLAttribute, String> = [:],
                         _ content: () throws(XMLWriterError) -> Void = {}) throws(XMLWriterError) {
        try xml.start(name)
        for (key, value) in attributes { try xml.attribute(key, value) }
        try content()
        if name.isVoid { try xml.end() } else { try xml.endWithTag() }
    }

    package func element(_ name: HTML, _ attributes: KeyValuePairs<HTMLAttribute, String> = [:], text: String) throws(XMLWriterError) {
        try element(name, attributes) { () throws(XMLWriterError) in try xml.text(text) }
    }

    package func text(_ value: String) throws(XMLWriterError) {
        try xml.text(value)
    }

    /// SVG elements may close themselves (`<rect …/>`): HTML parses SVG as foreign content.
    package func svg(_ name: SVG, _ attributes: KeyValuePairs<SVGAttribute, String> = [:],
                     _ content: () throws(XMLWriterError) -> Void = {}) throws(XMLWriterError) {
        try xml.start(name)
        for (key, value) in attributes { try xml.attribute(key, value) }
        try content()
        try xml.end()
    }

    package func svg(_ name: SVG, _ attributes: KeyValuePairs<SVGAttribute, String> = [:], text: String) throws(XMLWriterError) {
        try svg(name, attributes) { () throws(XMLWriterError) in try xml.text(text) }
    }

    package func finish() throws(XMLWriterError) -> [UInt8] {
        Array(try xml.finish())
    }
}
