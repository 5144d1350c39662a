internal import CLibXML2
import Foundation

/// Owns a libxml2 HTML tree parsed from a rendered posting body, and frees it.
///
/// Markdown bodies carry raw HTML, so links, allowed tags and plain text can only be found
/// reliably in a parsed tree, not in the Markdown syntax tree.
package final class HTMLDocument {
    private let document: htmlDocPtr

    package init(parsing html: String) throws(HTMLError) {
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOIMPLIED.rawValue)
        // Wrapped in one element so that text and several blocks keep their order under one root.
        let wrapped = "<div>" + RawAutolinks.rewrite(html) + "</div>"
        let parsed = wrapped.withCString { bytes in
            htmlReadMemory(bytes, Int32(strlen(bytes)), nil, "UTF-8", options)
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
        walkChildren(of: root, &visitor)
    }

    private func walkChildren(of node: xmlNodePtr, _ visitor: inout some HTMLVisitor) {
        var child = node.pointee.children
        while let current = child {
            visit(current, &visitor)
            child = current.pointee.next
        }
    }

    private func visit(_ node: xmlNodePtr, _ visitor: inout some HTMLVisitor) {
        switch node.pointee.type {
        case XML_ELEMENT_NODE:
            let name = Self.string(node.pointee.name)
            // Code, resources and controls are not text in any form of the body.
            if FeedHTMLPolicy.opaque.contains(name) { return }
            if FeedHTMLPolicy.droppedVoid.contains(name) { return walkChildren(of: node, &visitor) }
            // libxml2's HTML parser already lowercases element and attribute names.
            let element = HTMLElement(name: name, attributes: attributes(of: node))
            visitor.enter(element)
            walkChildren(of: node, &visitor)
            visitor.leave(element)
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            if let content = node.pointee.content { Self.withValidUTF8(content) { visitor.text($0) } }
        default:
            break
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
    package var name: String
    package var attributes: [(name: String, value: String)]

    package static let voidElements: Set<String> = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]

    package var isVoid: Bool { Self.voidElements.contains(name) }
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
