import Foundation
import JobFeedCore

/// Hugo's permalink tokens for one posting, for a site whose config sets `permalinks:` for the
/// postings' section (which `init` writes as the URL template): `:title`, `:slug`, `:filename`
/// and `:slugorfilename` as Hugo URL-izes them (its date tokens are `PermalinkDate`'s).
/// Checked against Hugo 0.111.3's pages (`HugoPathTests`).
package struct HugoPermalink {
    package static let names: Set<String> = ["hugoTitle", "hugoSlug", "hugoFilename", "hugoSlugOrFilename"]
    private let posting: Posting
    private let reader: FieldReader
    private let path: PostingPath
    private let rules: HugoPath

    package init(posting: Posting, reader: FieldReader, path: PostingPath) {
        self.posting = posting
        self.reader = reader
        self.path = path
        rules = HugoPath(config: reader.config)
    }

    package func value(_ name: String) -> String? {
        switch name {
        case "hugoTitle": return urlized(posting.title)
        case "hugoSlug": return ownSlug.map(urlized) ?? urlized(posting.title)
        case "hugoFilename": return filename
        case "hugoSlugOrFilename": return ownSlug.map(urlized) ?? filename
        default: return nil
        }
    }

    /// Hugo's `URLize`: its path rules, with `+` a separator (`C++ Dev` is `c-dev`), which it
    /// is not in a content file's own path.
    private func urlized(_ text: String) -> String {
        rules.sanitized(text.replacingOccurrences(of: "+", with: " "))
    }

    private var ownSlug: String? {
        reader.own(.slug)?.node.scalarText?.trimmed
    }

    /// The file's name without language and extension, or a page bundle's folder.
    private var filename: String? {
        path.slug.split(separator: "/").last.map { urlized(String($0)) }
    }
}
