import Foundation
internal import CLibXML2

/// Owns one libxml2 `xmlTextWriter` writing into a memory buffer, checks every return code,
/// and frees both. Element and attribute names come from a dialect's vocabulary type.
final class XMLWriter {
    private let buffer: xmlBufferPtr
    private var writer: xmlTextWriterPtr?

    /// `capacity`: the expected size in bytes, so that a feed of many megabytes is not copied
    /// each time the buffer grows.
    init(capacity: Int = 0) throws(XMLWriterError) {
        guard let buffer = capacity > 0 ? xmlBufferCreateSize(capacity) : xmlBufferCreate() else { throw .allocation }
        self.buffer = buffer
        guard let writer = xmlNewTextWriterMemory(buffer, 0) else {
            xmlBufferFree(buffer)
            throw .allocation
        }
        self.writer = writer
        try check(xmlTextWriterSetIndent(writer, 1), "set indentation")
        try check(xmlTextWriterSetIndentString(writer, "  "), "set indentation")
        try check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil), "start the document")
    }

    deinit {
        if let writer { xmlFreeTextWriter(writer) }
        xmlBufferFree(buffer)
    }

    func start<Name: XMLVocabulary>(_ name: Name) throws(XMLWriterError) {
        try check(xmlTextWriterStartElement(try live(), name.rawValue), "start <\(name.rawValue)>")
    }

    func end() throws(XMLWriterError) {
        try check(xmlTextWriterEndElement(try live()), "end an element")
    }

    func attribute<Name: XMLVocabulary>(_ name: Name, _ value: String) throws(XMLWriterError) {
        try check(xmlTextWriterWriteAttribute(try live(), name.rawValue, XMLText.clean(value)), "write @\(name.rawValue)")
    }

    func text(_ value: String) throws(XMLWriterError) {
        try check(xmlTextWriterWriteString(try live(), XMLText.clean(value)), "write text")
    }

    /// `<name>text</name>`, with the text escaped and cleaned of characters XML forbids.
    func element<Name: XMLVocabulary>(_ name: Name, _ value: String) throws(XMLWriterError) {
        try check(xmlTextWriterWriteElement(try live(), name.rawValue, XMLText.clean(value)), "write <\(name.rawValue)>")
    }

    /// `<name attr="value" …/>` with no content.
    func empty<Name: XMLVocabulary>(_ name: Name, attributes: KeyValuePairs<Name, String>) throws(XMLWriterError) {
        try start(name)
        for (key, value) in attributes { try attribute(key, value) }
        try end()
    }

    /// Where the output stands, in bytes: a capture of what one part wrote starts and ends at
    /// such marks, taken between complete elements.
    func mark() throws(XMLWriterError) -> Int {
        try check(xmlTextWriterFlush(try live()), "flush")
        return Int(xmlBufferLength(buffer))
    }

    /// The bytes written between two marks.
    func bytes(from start: Int, to end: Int) -> Data {
        guard let content = xmlBufferContent(buffer), start <= end, end <= Int(xmlBufferLength(buffer)) else { return Data() }
        return Data(bytes: content + start, count: end - start)
    }

    /// Appends bytes that an earlier capture took at the same place in an identical writer.
    /// They go to the buffer directly, past the writer, so that its indentation state stays
    /// as the captured element left it, and the output is byte for byte what writing the
    /// element again would give.
    func appendCaptured(_ bytes: Data) throws(XMLWriterError) {
        try check(xmlTextWriterFlush(try live()), "flush")
        let code = bytes.withUnsafeBytes { raw in
            xmlBufferAdd(buffer, raw.bindMemory(to: xmlChar.self).baseAddress, Int32(raw.count))
        }
        if code != 0 { throw .failed("append a cached element") }
    }

    /// Ends the document, frees the writer and returns the bytes written, handing the
    /// buffer's memory to the `Data` rather than copying it.
    func finish() throws(XMLWriterError) -> Data {
        let writer = try live()
        try check(xmlTextWriterEndDocument(writer), "end the document")
        try check(xmlTextWriterFlush(writer), "flush")
        xmlFreeTextWriter(writer)
        self.writer = nil
        let count = Int(xmlBufferLength(buffer))
        guard count > 0, let content = xmlBufferDetach(buffer) else { return Data() }
        return Data(bytesNoCopy: content, count: count, deallocator: .free)
    }

    private func live() throws(XMLWriterError) -> xmlTextWriterPtr {
        guard let writer else { throw .finished }
        return writer
    }

    private func check(_ code: Int32, _ action: String) throws(XMLWriterError) {
        if code < 0 { throw .failed(action) }
    }
}

/// A dialect's element and attribute names, spelled once.
protocol XMLVocabulary: RawRepresentable where RawValue == String {}

enum XMLWriterError: Error, Sendable, CustomStringConvertible {
    case allocation
    case finished
    case failed(String)

    var description: String {
        switch self {
        case .allocation: return "libxml2 could not allocate a writer"
        case .finished: return "the XML document was already finished"
        case let .failed(action): return "libxml2 failed to \(action)"
        }
    }
}

/// Characters XML 1.0 forbids are dropped before text reaches libxml2, which would write them
/// unchanged and so produce a file no parser accepts.
enum XMLText {
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: return true
        case 0x0..<0x20: return false
        case 0xFFFE, 0xFFFF: return false
        default: return true
        }
    }

    static func clean(_ text: String) -> String {
        // Forbidden characters are ASCII controls or U+FFFE/U+FFFF (EF BF BE/BF in UTF-8).
        guard text.utf8.contains(where: { ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D) || $0 == 0xEF }),
              text.unicodeScalars.contains(where: { !isAllowed($0) }) else { return text }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.filter(isAllowed))
        return String(scalars)
    }
}
