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
/// lock lets one document through cmark's parser at a time (the table is filled and emptied
/// in `cmark_parser_finish`, which parses the inlines). Rendering the parsed tree to HTML
/// touches only that document's nodes, so it runs outside the lock: waiting for it took 1.9% of
/// a cold build's CPU samples at 10,000 postings when it covered rendering and freeing too,
/// 1.1% since (`perf record`, one build each). A document's memory is its thread's
/// `MarkdownArena`, given back whole when its HTML is copied out.
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
        try MarkdownArena.withArena { () throws(MarkdownError) in
            let parsed = try Self.oneAtATime.withLock { _ throws(MarkdownError) in try Parsed(markdown) }
            return try parsed.html()
        }
    }

    /// A document cmark parsed, with the parser whose extensions render it, both in the
    /// calling thread's arena (never freed one by one: the arena is).
    private struct Parsed {
        let parser: OpaquePointer
        let document: OpaquePointer

        init(_ markdown: String) throws(MarkdownError) {
            guard let parser = cmark_parser_new_with_mem(MarkdownRenderer.options, MarkdownArena.allocator) else { throw .allocation }
            for name in MarkdownRenderer.extensionNames {
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
            self.parser = parser
            self.document = document
        }

        /// Copied out of the arena, which holds the rendered bytes too.
        func html() throws(MarkdownError) -> [UInt8] {
            guard let rendered = cmark_render_html(document, MarkdownRenderer.options, cmark_parser_get_syntax_extensions(parser)) else {
                throw .allocation
            }
            let bytes = UnsafeRawPointer(rendered).assumingMemoryBound(to: UInt8.self)
            return Array(UnsafeBufferPointer(start: bytes, count: strlen(rendered)))
        }
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
