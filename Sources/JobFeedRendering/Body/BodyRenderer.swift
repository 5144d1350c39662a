internal import CLibXML2
import JobFeedCore

/// Markdown → HTML (cmark-gfm) → the three forms, in one walk of the HTML.
///
/// HTML plain enough is walked straight from cmark-gfm's bytes (`DirectHTMLWalk`); other
/// HTML (raw HTML in the Markdown that is not plain) is parsed by libxml2, and its tree walked.
///
/// Safe to call from several threads: cmark-gfm's extensions are registered once before any
/// rendering, and libxml2 is set up once (`LibXML2`; `BodyRendererConcurrencyTests` renders
/// the real corpus on every core and compares with a serial run byte for byte).
package struct BodyRenderer: Sendable {
    package let markdown = MarkdownRenderer()

    package init() {
        LibXML2.ensureInitialized()
    }

    package func render(_ posting: Posting) throws(RenderError) -> RenderedBody {
        let html = try markdownHTML(posting)
        var visitor = BodyVisitor(baseURL: posting.url)
        if html.withUnsafeBufferPointer({ DirectHTMLWalk.walk($0, into: &visitor) }) { return visitor.body }
        return try render(parsing: html, posting)
    }

    /// The body through libxml2's tree, however plain its HTML: the path for HTML that is not,
    /// and the reference the direct walk is tested against.
    package func renderParsingHTML(_ posting: Posting) throws(RenderError) -> RenderedBody {
        try render(parsing: markdownHTML(posting), posting)
    }

    private func markdownHTML(_ posting: Posting) throws(RenderError) -> [UInt8] {
        guard let body = posting.bodyText.loaded() else {
            // Never published empty: the build stops, every output as it was, and the next
            // build reads the file afresh (its stamp changed, or its cached body was dropped).
            var failure = RenderError(file: posting.source.displayPath, message: "the build cache no longer holds this posting's body intact, and its file changed while the build ran; every output was left as it was; build again")
            failure.stopsTheBuild = true
            throw failure
        }
        do {
            return try markdown.html(from: body.text)
        } catch {
            throw RenderError(file: posting.source.displayPath, message: error.description)
        }
    }

    private func render(parsing html: [UInt8], _ posting: Posting) throws(RenderError) -> RenderedBody {
        let document: HTMLDocument
        do {
            document = try HTMLDocument(parsing: html)
        } catch {
            throw RenderError(file: posting.source.displayPath, message: "libxml2 could not parse the rendered HTML")
        }
        var visitor = BodyVisitor(baseURL: posting.url)
        document.walk(&visitor)
        return visitor.body
    }
}
