import JobFeedCore

/// A chunk of postings as every format sees it: each posting with its body and each
/// format's part.
package struct RenderedChunk: Sendable {
    /// A class: each of the outputs' writers takes every item of every chunk, and copying a
    /// struct retained its posting's storage, translations, body and parts every time.
    package final class Item: Sendable {
        package let entry: RenderedEntry
        package let parts: FormatParts

        package init(entry: RenderedEntry, parts: FormatParts) {
            self.entry = entry
            self.parts = parts
        }
    }

    package var items: [Item] = []
    package var diagnostics: [Diagnostic] = []
    /// A part that could not be rendered stops the build (a JSON-LD document that cannot be encoded).
    package var failure: RenderError?
    /// A stop was asked for part way: the chunk is incomplete and must not be written.
    package var stopped = false
    /// How many of its postings had their body rendered (the others' bytes all came from a cache).
    package var bodiesRendered = 0
    /// How many of its parts were left in the build cache, to be copied from the outputs' files.
    package var partsLeftInCache = 0

    package var entries: [RenderedEntry] { items.map(\.entry) }

    package init(items: [Item] = [], diagnostics: [Diagnostic] = [], failure: RenderError? = nil) {
        self.items = items
        self.diagnostics = diagnostics
        self.failure = failure
    }
}
