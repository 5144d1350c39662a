import Foundation
import JobFeedCore

/// Hugo's permalink tokens for one posting, for a site whose config sets `permalinks:` for the
/// postings' section (which `init` writes as the URL template): `:title`, `:slug`, `:filename`
/// and `:slugorfilename` as Hugo URL-izes them, and the parts of the page's date in the site's
/// time zone. Checked against Hugo 0.111.3's pages (`HugoPathTests`).
package struct HugoPermalink {
    package static let names = Set(["hugoTitle", "hugoSlug", "hugoFilename", "hugoSlugOrFilename"] + PermalinkDate.hugoTokens)
    let posting: Posting
    let reader: FieldReader
    let path: PostingPath

    package func value(_ name: String) -> String? {
        switch name {
        case "hugoTitle": return urlized(posting.title)
        case "hugoSlug": return ownSlug.map(urlized) ?? urlized(posting.title)
        case "hugoFilename": return filename
        case "hugoSlugOrFilename": return ownSlug.map(urlized) ?? filename
        default: return datePart(name)
        }
    }

    /// Hugo's `URLize`: its path rules, with `+` a separator (`C++ Dev` is `c-dev`), which it
    /// is not in a content file's own path.
    private func urlized(_ text: String) -> String {
        HugoPath(config: reader.config).sanitized(text.replacingOccurrences(of: "+", with: " "))
    }

    private var ownSlug: String? {
        reader.own(.slug)?.node.scalarText?.trimmed
    }

    /// The file's name without language and extension, or a page bundle's folder.
    private var filename: String? {
        path.slug.split(separator: "/").last.map { urlized(String($0)) }
    }

    /// Hugo's `.Date`: `date`, else `publishDate`, else `lastmod`; else the posting's own date.
    private func datePart(_ name: String) -> String? {
        PermalinkDate(reading: ["date", "publishDate", "lastmod"], from: reader, else: posting).part(name)
    }
}
