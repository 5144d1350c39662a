import Foundation
import JobFeedCore

/// Sitemap protocol element and attribute names, with Google's `xhtml:link` alternates.
package enum Sitemap: String, XMLVocabulary {
    case urlset, url, loc, lastmod, sitemapindex, sitemap
    case xmlns
    case xmlnsXhtml = "xmlns:xhtml"
    case xhtmlLink = "xhtml:link"
    case rel, hreflang, href

    package static let namespace = "http://www.sitemaps.org/schemas/sitemap/0.9"
    package static let xhtmlNamespace = "http://www.w3.org/1999/xhtml"
}

/// `exports/sitemap.xml`: every active posting's page with its `lastmod` and, for each
/// translation that is live too, `xhtml:link rel="alternate" hreflang` (itself included), as
/// Google asks job sites to keep alongside JobPosting markup. Past the protocol's limits (50,000
/// URLs, 50 MB) the pages go to `exports/sitemaps/sitemap-N.xml` and `sitemap.xml` is their index.
package struct SitemapFormat: OutputFormat {
    package static let fileName = "sitemap.xml"
    package static let folderName = "sitemaps"
    /// URLs per file: the protocol's 50,000, or fewer (`limits.sitemapURLs`).
    package let limit: Int
    /// Bytes per file, below the protocol's 50 MB.
    package let byteLimit = 45_000_000

    package init(config: Config) {
        limit = config.limits.sitemapURLs
    }

    package static let id = "sitemap"

    package func violations(in bytes: Data) -> [String] {
        WellFormedness.xmlProblems(bytes)
    }

    package func files(_ config: Config) -> [URL] {
        [config.exportsDirectory.appendingPathComponent(Self.fileName)]
    }

    package func ownedFolders(_ config: Config) -> [(folder: URL, pathExtension: String)] {
        [(config.exportsDirectory.appendingPathComponent(Self.folderName), "xml")]
    }

    package func writers(_ build: FormatBuild) throws(DiagnosticError) -> [any FormatWriter] {
        let active = build.catalog.entries.count { $0.status == .active }
        guard active <= limit else { return [try SitemapWriter(build: build, limit: limit, byteLimit: byteLimit)] }
        // One file: left as it is when its pages did not change (the split form is written whole).
        return [try build.pages(build.config.exportsDirectory.appendingPathComponent(Self.fileName), format: Self.id) { output throws(DiagnosticError) in
            try SitemapWriter(build: build, output: output, limit: limit, byteLimit: byteLimit)
        }]
    }
}
