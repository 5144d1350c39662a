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

/// Plain text from front-matter fields that sometimes carry markup or entities
/// (`<p>…</p>` in a description, `&#8211;` in a title copied from WordPress).
enum PlainText {
    static func from(_ text: String) -> String {
        guard text.contains("<") || text.contains("&"), let document = try? HTMLDocument(parsing: text) else { return text }
        var visitor = PlainTextVisitor()
        document.walk(&visitor)
        return visitor.text.split(separator: "\n").joined(separator: " ")
    }
}
