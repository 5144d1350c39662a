import Foundation

/// A URL with `{placeholder}` parts, filled per posting from `{lang}`, `{slug}`, `{section}` or
/// any front-matter key (`https://jobs.lever.co/cds-snc/{leverId}`). A value is percent-encoded
/// as one path segment; `{key:path}` keeps its slashes and encodes each segment (for
/// `permalink: /join/x/`), as `{slug}` and `{section}` always do.
public struct URLTemplate: Sendable, Hashable, CustomStringConvertible {
    package enum Part: Sendable, Hashable {
        case literal(String)
        case placeholder(String, keepsSlashes: Bool)
    }

    package let parts: [Part]
    public let description: String

    /// Placeholders whose value may be nothing (the default language's `{langPrefix}`).
    package static let mayBeEmpty: Set<String> = ["langPrefix"]
    /// Placeholders whose values are paths and keep their `/` separators.
    package static let pathPlaceholders: Set<String> = ["slug", "section", "path", "langPrefix", "hugoTitle", "hugoSlug", "hugoSlugOrFilename", "hugoSections", "jekyllPath"]

    public init(_ text: String) throws(URLTemplateError) {
        var parts: [Part] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            if open > rest.startIndex { parts.append(.literal(String(rest[..<open]))) }
            guard let close = rest[open...].firstIndex(of: "}") else { throw .unclosedPlaceholder(text) }
            var name = rest[rest.index(after: open)..<close].trimmed
            var keepsSlashes = Self.pathPlaceholders.contains(name)
            if name.hasSuffix(":path") {
                name = String(name.dropLast(5))
                keepsSlashes = true
            }
            guard !name.isEmpty else { throw .emptyPlaceholder(text) }
            parts.append(.placeholder(name, keepsSlashes: keepsSlashes))
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { parts.append(.literal(String(rest))) }
        self.parts = parts
        self.description = text
    }

    public var placeholders: [String] {
        parts.compactMap { if case let .placeholder(name, _) = $0 { return name } else { return nil } }
    }

    /// Fills the placeholders and resolves the result against `base`.
    /// Fails with the name of the first placeholder that has no value.
    public func expand(base: String, values: (String) -> String?) -> Result<String, MissingPlaceholder> {
        var text = ""
        for part in parts {
            switch part {
            case let .literal(literal):
                text += literal
            case let .placeholder(name, keepsSlashes):
                guard let value = values(name), !value.isEmpty || Self.mayBeEmpty.contains(name) else { return .failure(MissingPlaceholder(name: name)) }
                // A path value joins the literal before it: no doubled slash (`{lang}/{permalink:path}`).
                let path = keepsSlashes && text.endsWithByte("/") && value.startsWithByte("/") ? String(Substring(value.utf8.dropFirst())) : value
                text += Self.encode(path, keepingSlashes: keepsSlashes)
            }
        }
        return .success(URLResolver.resolve(text, against: base))
    }

    /// A page's path as a site generator takes it from front matter (`/jobs/x/`): below the
    /// base URL, its path included, each segment encoded.
    package static func page(_ path: String, on base: String) -> String {
        (base.endsWithByte("/") ? base : base + "/") + encode(String(Substring(path.utf8.drop { $0 == UInt8(ascii: "/") })), keepingSlashes: true)
    }

    private static func encode(_ value: String, keepingSlashes: Bool) -> String {
        // Letters, digits and `-._~` (and `/` in a path) never need encoding: most values.
        if !value.containsUTF8Byte(where: { !$0.isURLUnreserved && !(keepingSlashes && $0 == UInt8(ascii: "/")) }) { return value }
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: keepingSlashes ? ";?#%" : "/;?#%")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
    }
}

public struct MissingPlaceholder: Error, Sendable, Hashable {
    public var name: String
}

public enum URLTemplateError: Error, Sendable, CustomStringConvertible {
    case unclosedPlaceholder(String)
    case emptyPlaceholder(String)

    public var description: String {
        switch self {
        case let .unclosedPlaceholder(text): return "'\(text)' has a '{' without its '}'"
        case let .emptyPlaceholder(text): return "'\(text)' has an empty '{}' placeholder"
        }
    }
}

/// Resolves relative references against an absolute URL (RFC 3986), keeping absolute ones.
package enum URLResolver {
    package static func resolve(_ reference: String, against base: String) -> String {
        let trimmed = escapingInvalidCharacters(reference.trimmed)
        // An empty reference is the base itself (RFC 3986 §5.2.2); Foundation gives no URL.
        if trimmed.isEmpty { return base }
        if hasScheme(trimmed) { return trimmed }
        if let resolved = PlainPathReference.resolve(trimmed, against: base) { return resolved }
        guard let baseURL = URL(string: base), let resolved = URL(string: trimmed, relativeTo: baseURL) else {
            return trimmed
        }
        return resolved.absoluteString
    }

    /// The reference with what a URL cannot hold percent-encoded as browsers do (a space, a
    /// character outside ASCII as its UTF-8 bytes, `"<>\\^`{|}`, a `#` after the first, a `%`
    /// that starts no escape), its escapes kept as they are. Foundation, handed a string with
    /// any of those, encoded all of it, escapes too: `/x/é%20y`, as raw HTML bodies write
    /// links, came out as `/x/%C3%A9%2520y`, a page that does not exist.
    package static func escapingInvalidCharacters(_ reference: String) -> String {
        var text = reference
        let escaped: [UInt8]? = text.withUTF8 { bytes in
            // Made only once a byte needs escaping: nearly every reference is left as it is.
            var escaped: [UInt8]?
            var inFragment = false
            for index in bytes.indices {
                let byte = bytes[index]
                if isInvalid(at: index, in: bytes, inFragment: inFragment) {
                    if escaped == nil { escaped = Array(bytes[..<index]) }
                    escaped! += [UInt8(ascii: "%"), hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]]
                } else {
                    escaped?.append(byte)
                }
                if byte == UInt8(ascii: "#") { inFragment = true }
            }
            return escaped
        }
        return escaped.map { String(decoding: $0, as: UTF8.self) } ?? reference
    }

    private static func isInvalid(at index: Int, in bytes: UnsafeBufferPointer<UInt8>, inFragment: Bool) -> Bool {
        let byte = bytes[index]
        switch byte {
        case ...0x20, 0x7F...: return true
        case UInt8(ascii: "\""), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\\"), UInt8(ascii: "^"), UInt8(ascii: "`"),
             UInt8(ascii: "{"), UInt8(ascii: "|"), UInt8(ascii: "}"):
            return true
        case UInt8(ascii: "#"): return inFragment
        case UInt8(ascii: "%"):
            return !(index + 2 < bytes.count && bytes[index + 1].isASCIIHexDigit && bytes[index + 2].isASCIIHexDigit)
        default: return false
        }
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    package static func hasScheme(_ text: String) -> Bool {
        // ASCII up to the colon, as nearly every URL is, is judged by its bytes alone.
        var isFirst = true
        var bytes = text.utf8.makeIterator()
        while let byte = bytes.next() {
            switch byte {
            case 0x80...: return hasSchemeByCharacters(text)
            case UInt8(ascii: ":"):
                // A combining mark after the colon would make it another Character.
                guard let next = bytes.next() else { return !isFirst }
                if next < 0x80 { return !isFirst }
                return hasSchemeByCharacters(text)
            case _ where byte.isASCIILetter: break
            case _ where byte.isASCIIDigit, UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
                if isFirst { return false }
            default: return false
            }
            isFirst = false
        }
        return false
    }

    private static func hasSchemeByCharacters(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":"), colon > text.startIndex else { return false }
        let scheme = text[..<colon]
        return scheme.first!.isLetter && scheme.allSatisfy { $0.isLetter || $0.isNumber || "+-.".contains($0) }
    }

    package static func isAbsoluteHTTP(_ text: String) -> Bool {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased() else { return false }
        return (scheme == "http" || scheme == "https") && url.host != nil
    }
}
