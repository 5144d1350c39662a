internal import CLibXML2
import Foundation
import JobFeedCore

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

    /// The element a body is wrapped in, so that text and several blocks keep their order
    /// under one root.
    package static let rootName = "div"

    package init(parsing html: [UInt8]) throws(HTMLError) {
        LibXML2.ensureInitialized()
        let wrapped = Array("<\(Self.rootName)>".utf8) + RawAutolinks.rewrite(html) + Array("</\(Self.rootName)>".utf8)
        let parsed = wrapped.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { htmlReadMemory($0.baseAddress, Int32($0.count), nil, "UTF-8", Self.options) }
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
            // libxml2's HTML parser already lowercases element and attribute names.
            let tag = HTMLTag.named(Self.string(node.pointee.name))
            switch tag.walk {
            // Code, resources and controls are not text in any form of the body.
            case .opaque: return
            case .unwrapped: return walkChildren(of: node, &visitor)
            case .visited: break
            }
            let element = HTMLElement(tag: tag, attributes: attributes(of: node))
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
