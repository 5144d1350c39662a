/// Re-serializes a body for feeds: links and images made absolute against the posting's URL
/// (feed readers cannot resolve relative ones), event-handler attributes and `javascript:` URLs
/// dropped, comments left out.
struct FeedHTMLVisitor: HTMLVisitor {
    let baseURL: String
    private(set) var html = ""

    static let urlAttributes: Set<String> = ["href", "src", "cite", "poster", "action", "longdesc", "background"]

    init(baseURL: String) {
        self.baseURL = baseURL
    }

    mutating func enter(_ element: HTMLElement) {
        html += "<" + element.name
        for (name, value) in element.attributes where !name.hasPrefix("on") {
            var value = value
            if Self.urlAttributes.contains(name) {
                if Self.isScriptURL(value) { continue }
                value = URLResolver.resolve(value, against: baseURL)
            }
            html += " \(name)=\"\(HTMLEscaping.attribute(value))\""
        }
        html += element.isVoid ? " />" : ">"
    }

    mutating func leave(_ element: HTMLElement) {
        if !element.isVoid { html += "</\(element.name)>" }
    }

    mutating func text(_ text: String) {
        html += HTMLEscaping.text(text)
    }

    static func isScriptURL(_ value: String) -> Bool {
        let compact = value.unicodeScalars.filter { $0.value > 0x20 }.map(Character.init)
        return String(compact).lowercased().hasPrefix("javascript:") || String(compact).lowercased().hasPrefix("vbscript:")
    }
}
