internal import CLibXML2
import Foundation

/// Owns a libxml2 HTML tree parsed from a rendered posting body, and frees it.
///
/// Markdown bodies carry raw HTML, so links, allowed tags and plain text can only be found
/// reliably in a parsed tree, not in the Markdown syntax tree. (`DirectHTMLWalk` finds them
/// without one where the HTML is plain enough to be sure of the same tree.)
package final class HTMLDocument {
    private let document: htmlDocPtr

    /// Recovering from errors, silently, offline, adding no `html` or `body`.
    static let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
        | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOIMPLIED.rawValue)

    package init(parsing html: String) throws(HTMLError) {
        // Wrapped in one element so that text and several blocks keep their order under one root.
        let wrapped = "<div>" + RawAutolinks.rewrite(html) + "</div>"
        let parsed = wrapped.withCString { bytes in
            htmlReadMemory(bytes, Int32(strlen(bytes)), nil, "UTF-8", Self.options)
        }
        guard let parsed else { throw .unparsable }
        document = parsed
    }

    deinit {
        xmlFreeDoc(document)
    }

    /// Walks the body's nodes in document order.
    package func walk(_ visitor: inout some HTMLVisitor) {
        guard let root = xmlDocGetRootElement(document) else { return }
        var tags = TagsSeen()
        walkChildren(of: root, &visitor, &tags)
    }

    private func walkChildren(of node: xmlNodePtr, _ visitor: inout some HTMLVisitor, _ tags: inout TagsSeen) {
        var child = node.pointee.children
        while let current = child {
            visit(current, &visitor, &tags)
            child = current.pointee.next
        }
    }

    private func visit(_ node: xmlNodePtr, _ visitor: inout some HTMLVisitor, _ tags: inout TagsSeen) {
        switch node.pointee.type {
        case XML_ELEMENT_NODE:
            let tag = tags.tag(named: node.pointee.name)
            switch tag.walk {
            // Code, resources and controls are not text in any form of the body.
            case .opaque: return
            case .unwrapped: return walkChildren(of: node, &visitor, &tags)
            case .visited: break
            }
            let element = HTMLElement(tag: tag, attributes: attributes(of: node))
            visitor.enter(element)
            walkChildren(of: node, &visitor, &tags)
            visitor.leave(element)
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            if let content = node.pointee.content { Self.withValidUTF8(content) { visitor.text($0) } }
        default:
            break
        }
    }

    /// The tags met so far in this document, by the address of their name: libxml2 keeps one
    /// copy of each name in the document's dictionary, so a body's few distinct names are
    /// looked up once each. Equal addresses are equal names while the tree is alive; a name
    /// stored twice is only looked up twice.
    private struct TagsSeen {
        private var seen: [(name: UnsafePointer<xmlChar>, tag: HTMLTag)] = []

        mutating func tag(named pointer: UnsafePointer<xmlChar>?) -> HTMLTag {
            guard let pointer else { return HTMLTag.named("") }
            if let known = seen.first(where: { $0.name == pointer }) { return known.tag }
            // libxml2's HTML parser already lowercases element and attribute names.
            let tag = HTMLTag.named(String(cString: pointer))
            if seen.count < 32 { seen.append((pointer, tag)) }
            return tag
        }
    }

    private func attributes(of node: xmlNodePtr) -> [(name: String, value: String)] {
        var result: [(String, String)] = []
        var attribute = node.pointee.properties
        while let current = attribute {
            let name = Self.string(current.pointee.name)
            var value = ""
            var part = current.pointee.children
            while let text = part {
                if let content = text.pointee.content { value += String(cString: content) }
                part = text.pointee.next
            }
            result.append((name, value))
            attribute = current.pointee.next
        }
        return result
    }

    /// Hands a text node's bytes to the visitors as they are, without making a `String` of
    /// every text node, when they are valid UTF-8; else (a character reference to a lone
    /// surrogate becomes such bytes) repaired as `String` would repair them.
    private static func withValidUTF8(_ content: UnsafePointer<xmlChar>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        let bytes = UnsafeBufferPointer(start: content, count: strlen(content))
        if UTF8Validation.isValid(bytes) { return body(bytes) }
        var repaired = String(decoding: bytes, as: UTF8.self)
        repaired.withUTF8(body)
    }

    private static func string(_ pointer: UnsafePointer<xmlChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }
}

package struct HTMLElement {
    package var tag: HTMLTag
    package var attributes: [(name: String, value: String)]

    package var name: String { tag.name }

    package static let voidElements: Set<String> = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]
}

/// Receives an HTML tree in document order.
package protocol HTMLVisitor {
    mutating func enter(_ element: HTMLElement)
    mutating func leave(_ element: HTMLElement)
    /// A text node's content: valid UTF-8.
    mutating func text(_ text: UnsafeBufferPointer<UInt8>)
}

package enum HTMLError: Error, Sendable {
    case unparsable
}
