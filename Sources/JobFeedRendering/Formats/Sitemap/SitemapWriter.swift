import Foundation
import JobFeedCore

/// The sitemap being written, from one thread: one `urlset`, or, when the site has more pages
/// than one file may hold, numbered parts and an index of them.
package final class SitemapWriter: FormatWriter, @unchecked Sendable {
    private let build: FormatBuild
    private let split: Bool
    private let limit: Int
    private let byteLimit: Int
    private let folder: URL
    private var current: (output: PendingOutput, xml: XMLWriter, count: Int)?
    private var parts: [PendingOutput] = []
    private let locales: [String: String]

    /// `output`: the one file, `sitemap.xml`; without it, the sitemap is split into parts.
    package init(build: FormatBuild, output: PendingOutput? = nil, limit: Int, byteLimit: Int) throws(DiagnosticError) {
        self.build = build
        split = output == nil
        self.limit = limit
        self.byteLimit = byteLimit
        folder = build.config.exportsDirectory.appendingPathComponent(SitemapFormat.folderName)
        locales = Dictionary(uniqueKeysWithValues: build.config.languages.map { ($0.code, $0.locale) })
        if let output { try open(output) }
    }

    package func append(_ chunk: RenderedChunk) throws(DiagnosticError) {
        for item in chunk.items where item.entry.status == .active {
            if current == nil || (split && (current!.count >= limit || current!.output.sink.count >= byteLimit)) {
                try close()
                try open(build.output(folder.appendingPathComponent("sitemap-\(parts.count + 1).xml")))
            }
            try write(item.entry)
        }
    }

    package func finish(into plan: inout OutputPlan) throws(DiagnosticError) {
        try close()
        for part in parts { plan.add(part) }
        if split { plan.add(try index()) }
        plan.ownedFolders.append((folder, "xml"))
    }

    private func write(_ entry: RenderedEntry) throws(DiagnosticError) {
        guard let xml = current?.xml else { return }
        let posting = entry.posting
        let alternates = [(posting.language, posting.url)] + entry.translations.filter { $0.status == .active }.map { ($0.language, $0.url) }
        try attempt { () throws(XMLWriterError) in
            try xml.start(Sitemap.url)
            try xml.element(Sitemap.loc, posting.url)
            try xml.element(Sitemap.lastmod, DateFormats.rfc3339(posting.dateModified))
            if alternates.count > 1 {
                for (language, url) in alternates.sorted(by: { $0.0 < $1.0 }) {
                    try xml.empty(Sitemap.xhtmlLink, attributes: [.rel: "alternate", .hreflang: locales[language] ?? language, .href: url])
                }
            }
            try xml.end()
        }
        current?.count += 1
    }

    private func open(_ output: PendingOutput) throws(DiagnosticError) {
        try attempt { () throws(XMLWriterError) in
            let xml = try XMLWriter(sink: output.sink)
            try xml.start(Sitemap.urlset)
            try xml.attribute(Sitemap.xmlns, Sitemap.namespace)
            try xml.attribute(Sitemap.xmlnsXhtml, Sitemap.xhtmlNamespace)
            current = (output, xml, 0)
        }
    }

    private func close() throws(DiagnosticError) {
        guard let (output, xml, _) = current else { return }
        try attempt { () throws(XMLWriterError) in
            try xml.end()
            _ = try xml.finish()
        }
        if split { parts.append(output) } else { parts = [output] }
        current = nil
    }

    /// `sitemap.xml` as the index of the parts, each at its URL below the exports folder.
    private func index() throws(DiagnosticError) -> PendingOutput {
        let output = try build.output(build.config.exportsDirectory.appendingPathComponent(SitemapFormat.fileName))
        let base = build.config.urls.exportsURL(base: build.config.baseURL)
        try attempt { () throws(XMLWriterError) in
            let xml = try XMLWriter(sink: output.sink)
            try xml.start(Sitemap.sitemapindex)
            try xml.attribute(Sitemap.xmlns, Sitemap.namespace)
            for number in parts.indices {
                try xml.start(Sitemap.sitemap)
                try xml.element(Sitemap.loc, URLResolver.resolve("\(SitemapFormat.folderName)/sitemap-\(number + 1).xml", against: base))
                try xml.end()
            }
            try xml.end()
            _ = try xml.finish()
        }
        return output
    }

    private func attempt(_ body: () throws(XMLWriterError) -> Void) throws(DiagnosticError) {
        do { try body() } catch {
            throw DiagnosticError(.error("cannot write the sitemap: \(error)", at: SourceLocation(file: DisplayPath.of(folder))))
        }
    }
}
