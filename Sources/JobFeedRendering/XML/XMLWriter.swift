internal import CLibXML2
import Foundation
import JobFeedCore

/// Owns one libxml2 `xmlTextWriter` writing into an `OutputSink`, checks every return code,
/// and frees it. Element and attribute names come from a dialect's vocabulary type.
package final class XMLWriter {
    package let sink: OutputSink
    private var writer: xmlTextWriterPtr?

    /// What opens the document: an XML declaration, or an HTML doctype for a page that
    /// browsers read as HTML (`<!DOCTYPE html>`, no declaration).
    package enum Prolog: Sendable {
        case xml
        case html
    }

    /// Writes into memory.
    package convenience init(prolog: Prolog = .xml) throws(XMLWriterError) {
        try self.init(sink: OutputSink(), prolog: prolog)
    }

    package init(sink: OutputSink, prolog: Prolog = .xml) throws(XMLWriterError) {
        LibXML2.ensureInitialized()
        self.sink = sink
        let context = Unmanaged.passUnretained(sink).toOpaque()
        guard let output = xmlOutputBufferCreateIO({ context, bytes, length in
            guard let context, let bytes, length >= 0 else { return -1 }
            Unmanaged<OutputSink>.fromOpaque(context).takeUnretainedValue()
                .write(UnsafeRawBufferPointer(start: bytes, count: Int(length)))
            return length
        }, nil, context, nil) else { throw .allocation }
        // The writer owns the output buffer from here and closes it when freed.
        guard let writer = xmlNewTextWriter(output) else {
            xmlOutputBufferClose(output)
            throw .allocation
        }
        self.writer = writer
        try check(xmlTextWriterSetIndent(writer, 1), "set indentation")
        try check(xmlTextWriterSetIndentString(writer, "  "), "set indentation")
        switch prolog {
        case .xml: try check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil), "start the document")
        case .html: try check(xmlTextWriterWriteDTD(writer, "html", nil, nil, nil), "write the doctype")
        }
    }

    deinit {
        if let writer { xmlFreeTextWriter(writer) }
    }

    package func start<Name: XMLVocabulary>(_ name: Name) throws(XMLWriterError) {
        let writer = try live()
        try check(Self.withXMLChars(name.rawValue) { xmlTextWriterStartElement(writer, $0) }, "start <\(name.rawValue)>")
    }

    package func end() throws(XMLWriterError) {
        try check(xmlTextWriterEndElement(try live()), "end an element")
    }

    /// Ends an element with an end tag even when it is empty (`<td></td>`): HTML reads `<td/>`
    /// as a start tag only.
    package func endWithTag() throws(XMLWriterError) {
        try check(xmlTextWriterFullEndElement(try live()), "end an element")
    }

    package func attribute<Name: XMLVocabulary>(_ name: Name, _ value: String) throws(XMLWriterError) {
        let writer = try live()
        let code = Self.withXMLChars(name.rawValue) { name in
            Self.withXMLChars(XMLText.clean(value)) { xmlTextWriterWriteAttribute(writer, name, $0) }
        }
        try check(code, "write @\(name.rawValue)")
    }

    package func text(_ value: String) throws(XMLWriterError) {
        let writer = try live()
        try check(Self.withXMLChars(XMLText.clean(value)) { xmlTextWriterWriteString(writer, $0) }, "write text")
    }

    /// `<name>text</name>`, with the text escaped and cleaned of characters XML forbids.
    package func element<Name: XMLVocabulary>(_ name: Name, _ value: String) throws(XMLWriterError) {
        let writer = try live()
        let code = Self.withXMLChars(name.rawValue) { name in
            Self.withXMLChars(XMLText.clean(value)) { xmlTextWriterWriteElement(writer, name, $0) }
        }
        try check(code, "write <\(name.rawValue)>")
    }

    /// `<name attr="value" …/>` with no content.
    package func empty<Name: XMLVocabulary>(_ name: Name, attributes: KeyValuePairs<Name, String>) throws(XMLWriterError) {
        try start(name)
        for (key, value) in attributes { try attribute(key, value) }
        try end()
    }

    /// Starts recording the bytes of the elements written next (taken between complete
    /// elements), for replaying them later with `appendRecorded`.
    package func startRecording() throws(XMLWriterError) {
        try check(xmlTextWriterFlush(try live()), "flush")
        sink.startRecording()
    }

    package func stopRecording() throws(XMLWriterError) -> Data {
        try check(xmlTextWriterFlush(try live()), "flush")
        return sink.stopRecording()
    }

    /// Appends bytes that an earlier recording took at the same place in an identical writer.
    /// They go to the sink directly, past the writer, so that its indentation state stays as
    /// the recorded element left it, and the output is byte for byte what writing the
    /// element again would give.
    package func appendRecorded(_ bytes: Data) throws(XMLWriterError) {
        try check(xmlTextWriterFlush(try live()), "flush")
        sink.write(bytes)
    }

    /// Appends a posting's part that an earlier recording took at the same place in an
    /// identical writer (see `appendRecorded`), copied from the previous file when it lies there.
    package func append(_ part: FormatPart) throws(XMLWriterError) {
        try check(xmlTextWriterFlush(try live()), "flush")
        sink.write(part)
    }

    /// Ends the document and frees the writer; returns what a memory sink holds.
    @discardableResult
    package func finish() throws(XMLWriterError) -> Data {
        let writer = try live()
        try check(xmlTextWriterEndDocument(writer), "end the document")
        try check(xmlTextWriterFlush(writer), "flush")
        xmlFreeTextWriter(writer)
        self.writer = nil
        return sink.data
    }

    private func live() throws(XMLWriterError) -> xmlTextWriterPtr {
        guard let writer else { throw .finished }
        return writer
    }

    /// The action is described only when it failed: building the text for every element showed
    /// up among a build's allocations.
    private func check(_ code: Int32, _ action: @autoclosure () -> String) throws(XMLWriterError) {
        if code < 0 { throw .failed(action()) }
    }

    /// The string's own NUL-terminated bytes, as libxml2 takes them: passing a `String` where
    /// it wants `const xmlChar *` copied it into a new array on every call.
    private static func withXMLChars<Result>(_ text: String, _ body: (UnsafePointer<xmlChar>) -> Result) -> Result {
        text.withCString { $0.withMemoryRebound(to: xmlChar.self, capacity: text.utf8.count + 1, body) }
    }
}

/// A dialect's element and attribute names, spelled once.
package protocol XMLVocabulary: RawRepresentable where RawValue == String {}

package enum XMLWriterError: Error, Sendable, CustomStringConvertible {
    case allocation
    case finished
    case failed(String)

    package var description: String {
        switch self {
        case .allocation: return "libxml2 could not allocate a writer"
        case .finished: return "the XML document was already finished"
        case let .failed(action): return "libxml2 failed to \(action)"
        }
    }
}
