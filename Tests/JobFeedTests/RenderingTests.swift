import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif
import JobFeed

@Suite struct XMLWriterTests {
    @Test func textIsEscapedAndCharactersXMLForbidsAreDropped() throws {
        let writer = try XMLWriter()
        try writer.start(RSS.rss)
        try writer.element(RSS.title, "a]]>b <c> & d\u{01}\u{0B}e\u{FFFE}")
        try writer.end()
        let xml = String(decoding: try writer.finish(), as: UTF8.self)
        #expect(xml.contains("<title>a]]&gt;b &lt;c&gt; &amp; de</title>"))
        #expect(try XMLDocument(data: Data(xml.utf8)).rootElement()?.stringValue == "a]]>b <c> & de")
    }

    @Test func aFinishedWriterRefusesMoreWork() throws {
        let writer = try XMLWriter()
        try writer.start(RSS.rss)
        try writer.end()
        _ = try writer.finish()
        #expect(throws: XMLWriterError.self) { try writer.start(RSS.channel) }
    }
}

@Suite struct BodyRenderingTests {
    func render(_ markdown: String, url: String = "https://jobs.example.org/en/jobs/designer/") throws -> RenderedBody {
        var posting = try #require(try samplePosting())
        posting.body = markdown
        posting.url = url
        return try BodyRenderer().render(posting)
    }

    func samplePosting() throws -> Posting? {
        let site = try TemporarySite(postings: ["en/designer.md": TemporarySite.posting("title: Designer\ndate: 2026-01-05")])
        defer { site.remove() }
        let file = PostingFile(url: site.root.appendingPathComponent("postings/en/designer.md"),
                               path: PostingPath(relativePath: "en/designer.md", languages: ["en", "fr"]), displayPath: "designer.md")
        let data = try #require(FileManager.default.contents(atPath: file.url.path))
        return PostingParser(config: try site.config(), fallbackDates: FallbackDates(root: site.root)).parse(file, data: data).posting
    }

    /// Read back from the build cache, a body is bytes: they render as the text they hold, any
    /// that are not UTF-8 repaired as `String(decoding:)` repairs them.
    @Test func bodyBytesThatAreNotUTF8RenderAsTheirRepairedText() throws {
        var posting = try #require(try samplePosting())
        let bytes = Array("Caf".utf8) + [0xC3] + Array(" *ok* \u{E9}".utf8) + [0xFF, 0xFE, 0xED, 0xA0, 0x80]
        posting.bodyText = BodyText(utf8: bytes)
        let fromBytes = try BodyRenderer().render(posting)
        posting.body = String(decoding: bytes, as: UTF8.self)
        #expect(try BodyRenderer().render(posting) == fromBytes)
        #expect(fromBytes.feedHTML.contains("Caf\u{FFFD} <em>ok</em> \u{E9}\u{FFFD}\u{FFFD}"))
        posting.bodyText = BodyText(utf8: Array("Caf\u{E9} *ok*".utf8))
        #expect(try BodyRenderer().render(posting).feedHTML.contains("<p>Caf\u{E9} <em>ok</em></p>"))
    }

    @Test func relativeLinksAndImagesBecomeAbsolute() throws {
        let body = try render("[a](../benefits/) [b](/en/team/) [c](#apply) [d](https://x.org/) ![i](img/p.png) <a href=\"faq/\">e</a>")
        #expect(body.feedHTML.contains("href=\"https://jobs.example.org/en/jobs/benefits/\""))
        #expect(body.feedHTML.contains("href=\"https://jobs.example.org/en/team/\""))
        #expect(body.feedHTML.contains("href=\"https://jobs.example.org/en/jobs/designer/#apply\""))
        #expect(body.feedHTML.contains("href=\"https://x.org/\""))
        #expect(body.feedHTML.contains("src=\"https://jobs.example.org/en/jobs/designer/img/p.png\""))
        #expect(body.feedHTML.contains("href=\"https://jobs.example.org/en/jobs/designer/faq/\""))
    }

    @Test func scriptsAndEventHandlersDoNotReachFeeds() throws {
        let body = try render("<script>alert(1)</script>\n\n<a href=\"javascript:alert(1)\" onclick=\"x()\">x</a>")
        #expect(!body.feedHTML.contains("<script"))
        #expect(!body.feedHTML.contains("javascript:"))
        #expect(!body.feedHTML.contains("onclick"))
    }

    @Test func googleDescriptionKeepsOnlyAllowedTagsAndLinkText() throws {
        let body = try render("## Role\n\n**Bold** _it_ [link](https://x.org/) `code`\n\n- one\n- two\n\n<div>Block</div>\n\n![img](a.png)")
        #expect(body.googleHTML == "<h2>Role</h2>\n<p><strong>Bold</strong> <em>it</em> link code</p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n<p>Block</p>\n")
    }

    @Test func googleDescriptionDropsElementsLeftEmpty() throws {
        let body = try render("![logo](logo.png)\n\n- ![a](a.png)\n- kept\n\n+ ![b](b.png)\n\n<div> <em> </em> </div>\n\n<p><br></p>")
        #expect(body.googleHTML == "<ul>\n<li>kept</li>\n</ul>\n<p><br></p>\n")
    }

    @Test func autolinksInsideRawHTMLStayLinks() throws {
        let body = try render("<p>Write to <mailto:jobs@example.org>.</p>\n\nOr <mailto:emplois@example.org>")
        #expect(body.feedHTML.contains("<a href=\"mailto:jobs@example.org\">jobs@example.org</a>"))
        #expect(body.feedHTML.contains("<a href=\"mailto:emplois@example.org\">"))
        #expect(body.plainText == "Write to jobs@example.org.\nOr mailto:emplois@example.org")
    }

    @Test func plainTextKeepsListStructure() throws {
        let body = try render("Intro\n\n* one\n  1. nested\n* two")
        #expect(body.plainText == "Intro\n- one\n  - nested\n- two")
    }

    @Test func plainTextFoldsWhiteSpaceAcrossElements() throws {
        let body = try render("<p>\t  one \t\n two <em> three</em>\u{0B}\u{0C} four</p>\n\n<p> <b>five</b></p>")
        #expect(body.plainText == "one two three four\nfive")
    }

    @Test func markdownExtensionsAreOn() throws {
        let body = try render("~~old~~ https://auto.example.org\n\n| a | b |\n|---|---|\n| 1 | 2 |")
        #expect(body.feedHTML.contains("<del>old</del>"))
        #expect(body.feedHTML.contains("<a href=\"https://auto.example.org\">"))
        #expect(body.feedHTML.contains("<table>"))
    }
}

@Suite struct EscapingTests {
    @Test func jsonCannotCloseItsScriptElement() {
        var text = JSONText(pretty: false, scriptSafe: true)
        text.object { $0.key("a"); $0.string("</script><!-- & \u{2028}\u{2029}") }
        let json = Data(text.bytes)
        #expect(String(decoding: json, as: UTF8.self) == "{\"a\":\"\\u003c/script\\u003e\\u003c!-- \\u0026 \\u2028\\u2029\"}")
        let decoded = try? JSONSerialization.jsonObject(with: json) as? [String: String]
        #expect(decoded?["a"] == "</script><!-- & \u{2028}\u{2029}")
    }

    @Test(arguments: [
        ("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""), ("+cmd", "'+cmd"), ("@SUM(A1)", "'@SUM(A1)"),
        ("\tlead", "'\tlead"), ("-2", "'-2"), ("plain", "plain"), ("a,b", "\"a,b\""), ("line\nbreak", "\"line\r\nbreak\""),
        ("ｐｌａｉｎ＝", "ｐｌａｉｎ＝"), ("＝1+1", "'＝1+1"), ("=\u{301}1+1", "'=\u{301}1+1"),
    ])
    func csvCellsAreQuotedAndFormulasNeutralized(text: String, field: String) {
        #expect(String(decoding: CSVTable.line([.text(text)]), as: UTF8.self) == field + "\r\n")
    }

    /// Quotes, line breaks, commas and controls at every offset of a field (the scans for them
    /// read eight bytes at a time): quoted as RFC 4180 quotes, each line feed a CRLF, the
    /// controls dropped.
    @Test func csvFieldsAreQuotedWhereverTheirSpecialCharactersFall() {
        for offset in 0..<20 {
            for special in ["\"", "\n", "\r\n", "\r", ",", "\u{1}", "\"\"", "\n\n"] {
                let text = "x" + String(repeating: "a", count: offset) + special + String(repeating: "b", count: offset % 7)
                // Carriage returns are controls too, dropped: a line break is its line feed.
                let kept = String(String.UnicodeScalarView(text.unicodeScalars.filter { $0 != "\r" && $0 != "\u{1}" }))
                let quoted = kept.unicodeScalars.contains { $0 == "\"" || $0 == "," || $0 == "\n" }
                let lines = kept.replacingOccurrences(of: "\n", with: "\r\n")
                let field = quoted ? "\"" + lines.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : lines
                #expect(String(decoding: CSVTable.line([.text(text)]), as: UTF8.self) == field + "\r\n", "\(text.debugDescription)")
            }
        }
    }

    @Test func generatedValuesAreWrittenAsTheyAre() {
        #expect(CSVCell.value("-5").field == "-5")
    }
}
