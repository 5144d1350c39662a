internal import CCmarkGFM
import Foundation
import Synchronization

/// Renders Markdown to HTML with cmark-gfm and its GitHub extensions.
///
/// cmark-gfm is not thread-safe with extensions attached: its inline parser keeps the
/// extensions' special characters (`~`, `|`, `:`…) in one process-wide table, which every
/// parser adds to and removes from as it goes (the table extension does so for each row).
/// Rendering on two threads lost strikethroughs and autolinks in 17 of 16,000 documents here
/// (`BodyRendererConcurrencyTests`). So the extensions are registered once, and a process-wide
/// lock lets one document through cmark at a time; callers still run the rest of their work
/// (HTML parsing, JSON, XML) in parallel while another thread holds the lock.
package struct MarkdownRenderer: Sendable {
    /// Not `tagfilter`: it turns `<script>` or `<iframe>` into text that readers would show as
    /// code; the allowlist (`FeedHTMLPolicy`) drops those elements whole instead.
    package static let extensionNames = ["autolink", "table", "strikethrough"]

    /// Raw HTML stays: real postings are written with it.
    private static let options = CMARK_OPT_UNSAFE

    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    package init() {
        precondition(Self.registered)
    }

    private static let oneAtATime = Mutex(())

    package func html(from markdown: String) throws(MarkdownError) -> [UInt8] {
        try Self.oneAtATime.withLock { _ throws(MarkdownError) in try render(markdown) }
    }

    private func render(_ markdown: String) throws(MarkdownError) -> [UInt8] {
        guard let parser = cmark_parser_new(Self.options) else { throw .allocation }
        defer { cmark_parser_free(parser) }
        for name in Self.extensionNames {
            guard let syntax = cmark_find_syntax_extension(name), cmark_parser_attach_syntax_extension(parser, syntax) != 0 else {
                throw .missingExtension(name)
            }
        }
        var text = markdown
        text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
        }
        guard let document = cmark_parser_finish(parser) else { throw .allocation }
        defer { cmark_node_free(document) }
        guard let rendered = cmark_render_html(document, Self.options, cmark_parser_get_syntax_extensions(parser)) else {
            throw .allocation
        }
        defer { free(rendered) }
        let bytes = UnsafeRawPointer(rendered).assumingMemoryBound(to: UInt8.self)
        return Array(UnsafeBufferPointer(start: bytes, count: strlen(rendered)))
    }
}

package enum MarkdownError: Error, Sendable, CustomStringConvertible {
    case allocation
    case missingExtension(String)

    package var description: String {
        switch self {
        case .allocation: return "cmark-gfm could not allocate memory"
        case let .missingExtension(name): return "cmark-gfm has no '\(name)' extension; install libcmark-gfm-extensions-dev"
        }
    }
}
