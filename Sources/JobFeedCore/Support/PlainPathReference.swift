/// RFC 3986 §5.2 for the references bodies hold nearly always: a path of plain ASCII (no
/// scheme, query, fragment or percent sign) against an `http(s)://host/path` base of plain
/// ASCII. It gives what Foundation's `URL(string:relativeTo:).absoluteString` gives, byte for
/// byte (`URLResolutionTests` compares the two), without building two `URL`s per link,
/// which showed up in profiles of a cold build. Anything else returns nil and goes through
/// Foundation.
package enum PlainPathReference {
    package static func resolve(_ reference: String, against base: String) -> String? {
        var reference = reference
        var base = base
        return reference.withUTF8 { reference in
            base.withUTF8 { base in resolve(reference, against: base) }
        }
    }

    private static func resolve(_ reference: UnsafeBufferPointer<UInt8>, against base: UnsafeBufferPointer<UInt8>) -> String? {
        guard !reference.isEmpty, reference.allSatisfy(isPathByte),
              !(reference.count > 1 && reference[0] == slash && reference[1] == slash),
              let pathStart = pathStart(of: base) else { return nil }
        let basePath = base[pathStart...]
        guard basePath.allSatisfy(isPathByte) else { return nil }
        var path: [UInt8] = []
        path.reserveCapacity(basePath.count + reference.count + 1)
        if reference[0] != slash {
            if let lastSlash = basePath.lastIndex(of: slash) { path += base[pathStart...lastSlash] } else { path.append(slash) }
        }
        path += reference
        var resolved = Array(base[..<pathStart])
        resolved += withoutDotSegments(path)
        return String(decoding: resolved, as: UTF8.self)
    }

    /// Where the path begins in `http://host…` or `https://host…`, or nil for any other base.
    private static func pathStart(of base: UnsafeBufferPointer<UInt8>) -> Int? {
        let schemeEnd: Int
        if base.starts(with: "https://".utf8) { schemeEnd = 8 } else if base.starts(with: "http://".utf8) { schemeEnd = 7 } else { return nil }
        var index = schemeEnd
        while index < base.count, base[index] != slash {
            guard isHostByte(base[index]) else { return nil }
            index += 1
        }
        return index > schemeEnd ? index : nil
    }

    /// RFC 3986 §5.2.4 on a path that starts with `/`: `.` segments go, `..` removes the
    /// segment before it, and a path ending in either keeps its trailing slash.
    private static func withoutDotSegments(_ path: [UInt8]) -> [UInt8] {
        // Written segment by segment into one buffer, a `..` cutting it back to its last slash:
        // the segments as slices of the path were retained and released one by one.
        var output: [UInt8] = []
        output.reserveCapacity(path.count)
        var endsInDirectory = false
        var start = 1
        while start <= path.count {
            let end = path[start...].firstIndex(of: slash) ?? path.count
            let length = end - start
            let isDot = length == 1 && path[start] == dot
            let isDotDot = length == 2 && path[start] == dot && path[start + 1] == dot
            endsInDirectory = isDot || isDotDot
            if isDotDot {
                output.removeSubrange((output.lastIndex(of: slash) ?? 0)...)
            } else if !isDot {
                output.append(slash)
                output.append(contentsOf: path[start..<end])
            }
            start = end + 1
        }
        if output.isEmpty { return [slash] }
        if endsInDirectory { output.append(slash) }
        return output
    }

    private static let slash = UInt8(ascii: "/")
    private static let dot = UInt8(ascii: ".")

    /// Unreserved characters, sub-delimiters, `@` and `/`: what a path may hold as is.
    private static func isPathByte(_ byte: UInt8) -> Bool {
        byte.isURLUnreserved || "/@!$&'()*+,;=".utf8.contains(byte)
    }

    /// A lower-case host name or address, with an optional port.
    private static func isHostByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: ":"): return true
        default: return false
        }
    }
}
