internal import CLibXML2
import JobFeedCore

/// Markdown → HTML (cmark-gfm) → parsed tree (libxml2) → the three forms.
///
/// Safe to call from several threads: cmark-gfm's extensions are registered once before any
/// rendering, and libxml2's parser is initialized once (`BodyRendererConcurrencyTests` renders
/// the real corpus on every core and compares with a serial run byte for byte).
package struct BodyRenderer: Sendable {
    package let markdown = MarkdownRenderer()

    private static let libxml2Ready: Bool = {
        xmlInitParser()
        return true
    }()

    package init() {
        precondition(Self.libxml2Ready)
    }

    package func render(_ posting: Posting) throws(RenderError) -> RenderedBody {
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
