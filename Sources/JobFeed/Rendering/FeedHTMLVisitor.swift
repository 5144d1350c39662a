/// Re-serializes a body for feeds: links and images made absolute against the posting's URL
/// (feed readers cannot resolve relative ones), event-handler attributes and `javascript:` URLs
/// dropped, comments left out.
struct FeedHTMLVisitor: HTMLVisitor {
    let baseURL: String
    private var output: [UInt8] = []

    static let urlAttributes: Set<String> = ["href", "src", "cite", "poster", "action", "longdesc", "background"]

    init(baseURL: String) {
        self.baseURL = baseURL
    }

    var html: String { String(decoding: output, as: UTF8.self) }

    mutating func enter(_ element: HTMLElement) {
        output.append(UInt8(ascii: "<"))
        output += element.name.utf8
        for (name, value) in element.attributes where !name.hasPrefix("on") {
            var value = value
            if Self.urlAttributes.contains(name) {
                if Self.isScriptURL(value) { continue }
                value = URLResolver.resolve(value, against: baseURL)
            }
            output.append(0x20)
            output += name.utf8
            output += [UInt8(ascii: "="), UInt8(ascii: "\"")]
            HTMLEscaping.appendAttribute(value, to: &output)
            output.append(UInt8(ascii: "\""))
        }
        output += element.isVoid ? [0x20, UInt8(ascii: "/"), UInt8(ascii: ">")] : [UInt8(ascii: ">")]
    }

    mutating func leave(_ element: HTMLElement) {
        guard !element.isVoid else { return }
        output += [UInt8(ascii: "<"), UInt8(ascii: "/")]
        output += element.name.utf8
        output.append(UInt8(ascii: ">"))
    }

    mutating func text(_ text: UnsafeBufferPointer<UInt8>) {
        HTMLEscaping.appendText(text, to: &output)
    }

    static func isScriptURL(_ value: String) -> Bool {
        let compact = String(String.UnicodeScalarView(value.unicodeScalars.filter { $0.value > 0x20 }.prefix(12))).lowercased()
        return compact.hasPrefix("javascript:") || compact.hasPrefix("vbscript:")
    }
}

/// Passes one walk of a body's tree to the three visitors that make its three forms.
struct BodyVisitor: HTMLVisitor {
    var feed: FeedHTMLVisitor
    var google = GoogleHTMLVisitor()
    var plain = PlainTextVisitor()

    init(baseURL: String) {
        feed = FeedHTMLVisitor(baseURL: baseURL)
    }

    mutating func enter(_ element: HTMLElement) {
        feed.enter(element)
        google.enter(element)
        plain.enter(element)
    }

    mutating func leave(_ element: HTMLElement) {
        feed.leave(element)
        google.leave(element)
        plain.leave(element)
    }

    mutating func text(_ text: UnsafeBufferPointer<UInt8>) {
        feed.text(text)
        google.text(text)
        plain.text(text)
    }
}
