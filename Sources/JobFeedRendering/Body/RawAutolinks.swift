
/// Turns `<mailto:x@y.z>` and `<https://…>` left in raw HTML blocks into links.
///
/// cmark-gfm makes such autolinks only in Markdown paragraphs; inside a raw HTML block they
/// stay as they are, and an HTML parser would read them as unknown elements and lose them.
package enum RawAutolinks {
    package static let schemes = ["mailto:", "http://", "https://"].map { Array($0.utf8) }

    package static func rewrite(_ bytes: [UInt8]) -> [UInt8] {
        guard let firstLink = nextAutolink(in: bytes, from: 0) else { return bytes }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 64)
        var copied = 0
        var found: (start: Int, end: Int)? = firstLink
        while let link = found {
            output += bytes[copied..<link.start]
            let target = String(decoding: bytes[(link.start + 1)..<link.end], as: UTF8.self)
            let text = target.hasPrefix("mailto:") ? String(target.dropFirst(7)) : target
            output += Array("<a href=\"\(HTMLEscaping.attribute(target))\">\(HTMLEscaping.text(text))</a>".utf8)
            copied = link.end + 1
            found = nextAutolink(in: bytes, from: copied)
        }
        output += bytes[copied...]
        return output
    }

    /// The next `<scheme…>` from `start`: the offsets of its `<` and `>`.
    private static func nextAutolink(in bytes: [UInt8], from start: Int) -> (start: Int, end: Int)? {
        var index = start
        while let open = bytes[index...].firstIndex(of: UInt8(ascii: "<")) {
            let rest = bytes[(open + 1)...]
            if schemes.contains(where: { scheme in rest.prefix(scheme.count).lazy.map(lowercased).elementsEqual(scheme) }),
               let close = rest.firstIndex(where: { $0 == 0x3E || $0 == 0x3C || $0 == 0x20 || $0 == 0x22 || $0 == 0x0A }),
               bytes[close] == 0x3E {
                return (open, close)
            }
            index = open + 1
        }
        return nil
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
    }
}
