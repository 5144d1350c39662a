internal import CLibXML2

/// A posting's body in the three forms its consumers need.
public struct RenderedBody: Sendable, Hashable {
    /// Full HTML with absolute links, for `content:encoded` and Atom `content`.
    public var feedHTML: String
    /// HTML reduced to the tags Google allows, for JSON-LD `description`.
    public var googleHTML: String
    /// Plain text, for CSV.
    public var plainText: String
}

/// Markdown → HTML (cmark-gfm) → parsed tree (libxml2) → the three forms.
///
/// Safe to call from several threads: cmark-gfm's extensions are registered once before any
/// rendering, and libxml2's parser is initialized once (`BodyRendererConcurrencyTests` renders
/// the real corpus on every core and compares with a serial run byte for byte).
struct BodyRenderer: Sendable {
    let markdown = MarkdownRenderer()

    private static let libxml2Ready: Bool = {
        xmlInitParser()
        return true
    }()

    init() {
        precondition(Self.libxml2Ready)
    }

    func render(_ posting: Posting) throws(RenderError) -> RenderedBody {
        let html: String
        do {
            html = try markdown.html(from: posting.body)
        } catch {
            throw RenderError(file: posting.source.displayPath, message: error.description)
        }
        let document: HTMLDocument
        do {
            document = try HTMLDocument(parsing: html)
        } catch {
            throw RenderError(file: posting.source.displayPath, message: "libxml2 could not parse the rendered HTML")
        }
        var visitor = BodyVisitor(baseURL: posting.url)
        document.walk(&visitor)
        return RenderedBody(feedHTML: visitor.feed.html, googleHTML: visitor.google.html, plainText: visitor.plain.text)
    }
}

public struct RenderError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var message: String
    /// A posting whose body cannot render is left out; one whose JSON-LD cannot be encoded
    /// stops the build.
    var stopsTheBuild = false

    public init(file: String, message: String) {
        self.file = file
        self.message = message
    }

    public var description: String { "\(file): error: \(message)" }
}

/// Text from front-matter fields (titles, summaries), which is text, not markup: character
/// references copied from WordPress (`&#8211;`, `&amp;`) are decoded, and `<`, `>` and `<!--`
/// stay as written (`C++ <Senior> Engineer`), to be escaped wherever the text goes.
enum PlainText {
    static func from(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var output = ""
        var rest = Substring(text)
        while let ampersand = rest.firstIndex(of: "&") {
            output += rest[..<ampersand]
            rest = rest[ampersand...]
            if let (decoded, length) = reference(at: rest) {
                output.unicodeScalars.append(decoded)
                rest = rest.dropFirst(length)
            } else {
                output.append("&")
                rest = rest.dropFirst()
            }
        }
        return output + rest
    }

    /// The character a reference (`&name;`, `&#8211;`, `&#x2013;`) at the start of `text`
    /// stands for, and its length in characters.
    private static func reference(at text: Substring) -> (Unicode.Scalar, Int)? {
        guard let semicolon = text.prefix(34).firstIndex(of: ";") else { return nil }
        let name = text[text.index(after: text.startIndex)..<semicolon]
        let length = name.count + 2
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let isHex = digits.first == "x" || digits.first == "X"
            guard let value = UInt32(isHex ? digits.dropFirst() : digits, radix: isHex ? 16 : 10), value != 0,
                  let scalar = Unicode.Scalar(value) else { return nil }
            return (scalar, length)
        }
        guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }),
              let entity = htmlEntityLookup(String(name)), let scalar = Unicode.Scalar(entity.pointee.value) else { return nil }
        return (scalar, length)
    }
}
