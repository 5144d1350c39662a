import Foundation

/// A posting's body in the three forms its consumers need.
public struct RenderedBody: Sendable, Hashable {
    /// Full HTML with absolute links, for `content:encoded` and Atom `content`.
    public var feedHTML: String
    /// HTML reduced to the tags Google allows, for JSON-LD `description`.
    public var googleHTML: String
    /// Plain text, for CSV.
    public var plainText: String

    /// A body nobody reads: a posting whose every part came from the build's cache
    /// (`ChunkRenderer` checks that before using it), or the status page's look at which of
    /// Google's properties a posting lacks, none of which is its description.
    package static let unrendered = RenderedBody(feedHTML: "", googleHTML: "", plainText: "")

    package init(feedHTML: String, googleHTML: String, plainText: String) {
        self.feedHTML = feedHTML
        self.googleHTML = googleHTML
        self.plainText = plainText
    }
}
