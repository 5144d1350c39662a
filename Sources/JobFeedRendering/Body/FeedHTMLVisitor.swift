import JobFeedCore

/// Re-serializes a body for feeds through `FeedHTMLPolicy`'s allowlist: allowed elements keep
/// their allowed attributes (links and images made absolute against the posting's URL, since
/// feed readers cannot resolve relative ones); other elements are unwrapped, their text kept
/// (sectioning and form blocks become `div`s so their text stays a block); comments are left
/// out. Opaque elements (`script`, `svg`, `iframe`…) never reach a visitor (`HTMLDocument`).
package struct FeedHTMLVisitor: HTMLVisitor {
    package let baseURL: String
    private var output: [UInt8] = []
    /// What each open element was written as; nil when it was unwrapped or dropped.
    private var open: [String?] = []

    package init(baseURL: String) {
        self.baseURL = baseURL
    }

    package var html: String { UTF8Validation.string(output) }

    /// What an element is written as in feed HTML.
    package struct Role: Sendable {
        /// The name written (sectioning and form blocks become `div`); nil when the element is
        /// unwrapped.
        let written: String?
        /// The attributes it may keep besides the global ones.
        let attributes: Set<String>
        let isVoid: Bool

        init(_ name: String) {
            let written = FeedHTMLPolicy.blocks.contains(name) ? "div" : name
            let allowed = FeedHTMLPolicy.elements[written]
            self.written = allowed == nil ? nil : written
            attributes = allowed ?? []
            isVoid = HTMLElement.voidElements.contains(written)
        }
    }

    package mutating func enter(_ element: HTMLElement) {
        let role = element.tag.feed
        guard let name = role.written else { return open.append(nil) }
        var attributes: [(String, String)] = []
        for (attribute, value) in element.attributes
        where FeedHTMLPolicy.globalAttributes.contains(attribute) || role.attributes.contains(attribute) {
            guard FeedHTMLPolicy.isAllowedValue(attribute, value) else { continue }
            let kept = FeedHTMLPolicy.urlAttributes.contains(attribute) ? URLResolver.resolve(value, against: baseURL) : value
            attributes.append((attribute, kept))
        }
        // An image with no usable source shows nothing but a broken frame.
        if name == "img" && !attributes.contains(where: { $0.0 == "src" }) { return open.append(nil) }
        output.append(UInt8(ascii: "<"))
        output += name.utf8
        for (attribute, value) in attributes {
            output.append(0x20)
            output += attribute.utf8
            output += [UInt8(ascii: "="), UInt8(ascii: "\"")]
            HTMLEscaping.appendAttribute(value, to: &output)
            output.append(UInt8(ascii: "\""))
        }
        output += role.isVoid ? [0x20, UInt8(ascii: "/"), UInt8(ascii: ">")] : [UInt8(ascii: ">")]
        open.append(role.isVoid ? nil : name)
    }

    package mutating func leave(_ element: HTMLElement) {
        guard let written = open.popLast(), let name = written else { return }
        output += [UInt8(ascii: "<"), UInt8(ascii: "/")]
        output += name.utf8
        output.append(UInt8(ascii: ">"))
    }

    package mutating func text(_ text: UnsafeBufferPointer<UInt8>) {
        HTMLEscaping.appendText(text, to: &output)
    }
}

/// Passes one walk of a body's tree to the three visitors that make its three forms.
package struct BodyVisitor: HTMLVisitor {
    package var feed: FeedHTMLVisitor
    package var google = GoogleHTMLVisitor()
    package var plain = PlainTextVisitor()

    package init(baseURL: String) {
        feed = FeedHTMLVisitor(baseURL: baseURL)
    }

    package var body: RenderedBody {
        RenderedBody(feedHTML: feed.html, googleHTML: google.html, plainText: plain.text)
    }

    package mutating func enter(_ element: HTMLElement) {
        feed.enter(element)
        google.enter(element)
        plain.enter(element)
    }

    package mutating func leave(_ element: HTMLElement) {
        feed.leave(element)
        google.leave(element)
        plain.leave(element)
    }

    package mutating func text(_ text: UnsafeBufferPointer<UInt8>) {
        feed.text(text)
        google.text(text)
        plain.text(text)
    }
}
