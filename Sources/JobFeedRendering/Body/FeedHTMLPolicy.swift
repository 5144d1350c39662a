
/// What feed HTML may contain: an allowlist, as feed readers' sanitizers keep one (Mozilla's
/// feed sanitizer, Python's bleach). Text structure, lists, tables, links, images and code
/// stay; anything that runs, loads, submits, restyles or redirects does not.
package enum FeedHTMLPolicy {
    /// Attributes any allowed element may keep.
    package static let globalAttributes: Set<String> = ["title", "lang", "dir"]

    /// Allowed elements and the attributes each may keep besides the global ones.
    package static let elements: [String: Set<String>] = [
        "a": ["href", "hreflang"], "abbr": [], "acronym": [], "b": [], "bdi": [], "bdo": [], "blockquote": ["cite"],
        "br": [], "caption": [], "cite": [], "code": [], "col": ["span"], "colgroup": ["span"], "dd": [], "del": ["cite", "datetime"],
        "details": ["open"], "dfn": [], "div": [], "dl": [], "dt": [], "em": [], "figcaption": [], "figure": [],
        "h1": [], "h2": [], "h3": [], "h4": [], "h5": [], "h6": [], "hr": [], "i": [], "img": ["src", "alt", "width", "height"],
        "ins": ["cite", "datetime"], "kbd": [], "li": ["value"], "mark": [], "ol": ["start", "reversed", "type"], "p": [], "pre": [],
        "q": ["cite"], "rp": [], "rt": [], "ruby": [], "s": [], "samp": [], "small": [], "span": [], "strike": [], "strong": [],
        "sub": [], "summary": [], "sup": [], "table": [], "tbody": [], "td": ["colspan", "rowspan", "headers"], "tfoot": [],
        "th": ["colspan", "rowspan", "headers", "scope", "abbr"], "thead": [], "time": ["datetime"], "tr": [], "tt": [], "u": [],
        "ul": [], "var": [], "wbr": [],
    ]

    /// Elements whose content is code, a resource or a control rather than text: dropped with
    /// everything inside them, from every form of the body. (The fallback text inside
    /// `object`, `video` or `noscript` is for readers that cannot run them: it is kept.)
    package static let opaque: Set<String> = [
        "script", "style", "template", "svg", "math", "iframe", "frame", "frameset", "head", "title", "select", "option",
        "optgroup", "textarea", "datalist", "noembed", "noframes", "xmp", "plaintext", "portal",
    ]

    /// Void elements that load, redirect or submit: dropped alone. libxml2's HTML 4 parser
    /// takes some for containers (`<embed>` swallows what follows it), so what it nested
    /// inside them is still walked.
    package static let droppedVoid: Set<String> = ["embed", "param", "source", "track", "meta", "link", "base", "input", "keygen"]

    /// Sectioning and form blocks that are not allowed, but whose text must stay a block.
    package static let blocks: Set<String> = [
        "section", "article", "header", "footer", "nav", "aside", "main", "address", "center", "fieldset", "form", "hgroup",
        "legend", "dialog", "search",
    ]

    package static let urlAttributes: Set<String> = ["href", "src", "cite"]
    package static let numericAttributes: Set<String> = ["width", "height", "colspan", "rowspan", "span", "start", "value"]
    package static let allowedSchemes: Set<String> = ["http", "https", "mailto", "tel"]

    /// Whether a URL may be kept: `http`, `https`, `mailto`, `tel` or a relative reference,
    /// judged after removing what browsers ignore (controls, white space) in any case. The
    /// scheme is read from the bytes, as browsers read a URL by code point: compared as
    /// `Character`s, a combining mark after the colon (`javascript:\u{301}…`) hid it.
    package static func isAllowedURL(_ value: String) -> Bool {
        var compact = value.containsUTF8Byte(where: { $0 <= 0x20 || $0 == 0x7F })
            ? String(String.UnicodeScalarView(value.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F })) : value
        return compact.withUTF8 { bytes in
            guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return true }
            let scheme = UnsafeBufferPointer(rebasing: bytes[..<colon])
            // A '/', '?' or '#' before the first ':' makes it a relative reference (`a/b:c`).
            if scheme.contains(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) { return true }
            return allowedSchemes.contains(String(decoding: scheme, as: UTF8.self).lowercased())
        }
    }

    /// Whether an attribute value is acceptable for its name.
    package static func isAllowedValue(_ name: String, _ value: String) -> Bool {
        if numericAttributes.contains(name) { return !value.isEmpty && value.utf8.count <= 6 && value.allSatisfy(\.isASCII) && value.allSatisfy(\.isNumber) }
        if name == "dir" { return ["ltr", "rtl", "auto"].contains(value.lowercased()) }
        if urlAttributes.contains(name) { return isAllowedURL(value) }
        return true
    }
}
