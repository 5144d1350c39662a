import Foundation

/// A Markdown file found below the postings folder.
package struct PostingFile: Sendable, Hashable {
    /// Kept as a path: making a `URL` for each of 10,000 files cost 40 ms of every rebuild.
    package var absolutePath: String
    package var path: PostingPath
    package var displayPath: String

    package var url: URL { URL(fileURLWithPath: absolutePath) }
}

extension PostingFile {
    package init(url: URL, path: PostingPath, displayPath: String) {
        self.init(absolutePath: url.path, path: path, displayPath: displayPath)
    }
}
