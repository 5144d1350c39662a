internal import CLibXML2
import Foundation

/// How libxml2's HTML parser builds a tree from tags, asked of libxml2 itself: which elements
/// it takes as empty, which start tags close an open element (HTML 4's implied end tags), and
/// what a character reference stands for.
package enum HTMLParserRules {
    /// Whether libxml2 takes `name` as an empty element: no content, no end tag.
    package static func isEmpty(_ name: String) -> Bool {
        LibXML2.ensureInitialized()
        guard let description = htmlTagLookup(name) else { return false }
        return description.pointee.empty != 0
    }

    /// For each of `names`, which of them (by index) close it when their start tag meets it
    /// as the open element: `closes[open][started]`.
    package static func closings(among names: [String]) -> [[Bool]] {
        LibXML2.ensureInitialized()
        guard let scratch = xmlNewDoc("1.0") else { return names.map { _ in names.map { _ in true } } }
        defer { xmlFreeDoc(scratch) }
        let started = names.map { xmlNewDocNode(scratch, nil, $0, nil) }
        defer { started.forEach { xmlFreeNode($0) } }
        return names.map { open in
            names.indices.map { index in
                // `htmlAutoCloseTag` answers "no" for a name meeting itself; a parse answers.
                open == names[index] ? closesItself(open) : htmlAutoCloseTag(scratch, open, started[index]) != 0
            }
        }
    }

    /// Whether `<name><name>` leaves the second a sibling of the first.
    private static func closesItself(_ name: String) -> Bool {
        let html = "<div><\(name)><\(name)></\(name)></\(name)></div>"
        guard let document = html.withCString({ htmlReadMemory($0, Int32(strlen($0)), nil, "UTF-8", HTMLDocument.options) }) else {
            return true
        }
        defer { xmlFreeDoc(document) }
        guard let outer = xmlDocGetRootElement(document)?.pointee.children, outer.pointee.type == XML_ELEMENT_NODE else { return true }
        return outer.pointee.children == nil
    }

    /// The character a named reference (`amp`, `eacute`) stands for in libxml2's HTML 4 table.
    package static func namedReference(_ name: String) -> Unicode.Scalar? {
        LibXML2.ensureInitialized()
        return htmlEntityLookup(name).flatMap { Unicode.Scalar($0.pointee.value) }
    }
}
