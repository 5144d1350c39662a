import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif
import JobFeed

/// Indeed's feed puts every text in CDATA: a `]]>` in it, wherever it falls in the text (the
/// scan for it reads eight bytes at a time), is split across two sections, and the job still
/// parses to the text as written.
@Suite struct IndeedCDATATests {
    @Test func aSectionEndIsSplitAtAnyOffset() throws {
        let config = try Config.load(from: Repository.root.appendingPathComponent("jobfeed.yml"))
        let entry = try #require(try Publisher(config: config, now: TemporarySite.now).check().catalog.entries.first)
        for offset in 0..<20 {
            for end in ["]]>", "]]]>", "]]>]]>", "]] >"] {
                let html = String(repeating: "x", count: offset) + end + String(repeating: "y", count: offset % 5)
                let rendered = RenderedEntry(entry: entry, body: RenderedBody(feedHTML: html, googleHTML: "", plainText: ""))
                let job = String(decoding: IndeedJob.render(rendered, company: "Company"), as: UTF8.self)
                let document = try XMLDocument(data: Data(("<source>" + job + "</source>").utf8))
                let description = try document.nodes(forXPath: "//description").first?.stringValue
                #expect(description == html, "\(html)")
            }
        }
    }
}
