internal import CLibXML2
import Foundation

/// Whether bytes are well-formed XML, by libxml2's parser with the network off: an invariant of
/// every XML output, checked by the fuzzer and the output tests.
package enum WellFormedness {
    package static func xmlProblems(_ bytes: Data) -> [String] {
        LibXML2.ensureInitialized()
        let parsed = bytes.withUnsafeBytes { raw in
            xmlReadMemory(raw.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(raw.count), nil, "UTF-8",
                          Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue))
        }
        defer { xmlFreeDoc(parsed) }
        return parsed == nil ? ["not well-formed XML"] : []
    }

    package static func jsonProblems(_ bytes: Data) -> [String] {
        (try? JSONSerialization.jsonObject(with: bytes)) == nil ? ["not JSON"] : []
    }
}
