import Foundation
import Testing
import JobFeed
import JobFeedSystem

/// Feed HTML keeps only what the allowlist allows; titles and summaries are text, escaped
/// wherever they go; an empty feed is dated plausibly.
@Suite struct FeedTextTests {
    func build(_ name: String) throws -> (TemporarySite, rss: String, atom: String) {
        let data = try #require(FileManager.default.contents(atPath: HostileInputTests.folder.appendingPathComponent(name + ".md").path))
        let site = try TemporarySite()
        try data.write(to: site.root.appendingPathComponent("postings/en-\(name).md"))
        try FileManager.default.createDirectory(at: site.root.appendingPathComponent("postings/en"), withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: site.root.appendingPathComponent("postings/en-\(name).md"), to: site.root.appendingPathComponent("postings/en/\(name).md"))
        _ = try site.build()
        return (site, try #require(site.read("feeds/en/rss.xml")), try #require(site.read("feeds/en/atom.xml")))
    }

    @Test func feedHTMLKeepsNoScriptOrPhishingRoute() throws {
        let (site, rss, atom) = try build("script-routes-in-feed-html")
        defer { site.remove() }
        for feed in [rss, atom] {
            let lowered = feed.lowercased()
            for route in ["javascript", "vbscript", "data:", "<svg", "&lt;svg", "animate", "&lt;set", "formaction", "&lt;meta", "&lt;base",
                          "&lt;link", "&lt;object", "&lt;embed", "&lt;form", "&lt;input", "password", "style=", "&lt;iframe", "&lt;script",
                          "alert(", "onclick", "onmouseover", "phish.example", " id=", " class="] {
                #expect(!lowered.contains(route), "\(route) reached a feed")
            }
            for text in ["Intro text stays", "Button text stays", "data link text stays", "Form label stays", "Overlay text stays",
                         "Paragraph stays", "href=&quot;https://jobs.example.org/apply/&quot;", "href=&quot;mailto:jobs@example.org&quot;",
                         "href=&quot;tel:+15555550100&quot;"] {
                #expect(feed.contains(text), "\(text) was lost")
            }
        }
    }

    @Test(arguments: [
        ("<a href=\"JAVASCRIPT:x\">", false), ("<a href=\"java\u{0}script:x\">", false), ("<a href=\" https://ok.example/\">", true),
        ("<a href=\"a/b:c\">", true), ("<a href=\"HTTPS://ok.example/\">", true), ("<a href=\"ftp://x/\">", false), ("<a href=\"//cdn.example/x\">", true),
        // A combining mark after the colon, or in the scheme, hides nothing.
        ("<a href=\"javascript:\u{301}x\">", false), ("<a href=\"JavaScript:\u{20DD}\u{FE0F}x\">", false), ("<a href=\"java\u{301}script:x\">", false),
        ("<a href=\"\u{1}javascript\u{7F}:\u{301}x\">", false), ("<a href=\"/\u{301}javascript:x\">", true), ("<a href=\"https://ok.example/\u{e9}\u{301}\">", true),
    ])
    func urlAttributesAllowOnlyWebMailAndPhoneSchemes(link: String, kept: Bool) {
        let fragment = String(link.dropFirst(9).dropLast(2))
        #expect(FeedHTMLPolicy.isAllowedURL(fragment) == kept, "\(fragment)")
    }

    @Test func titlesAndSummariesAreTextEscapedWhereverTheyGo() throws {
        let (site, rss, atom) = try build("title-with-angle-brackets")
        defer { site.remove() }
        let title = "C++ &lt;Senior&gt; Engineer \u{2013} a&lt;b and c&gt;d"
        #expect(rss.contains("<title>\(title)</title>"))
        #expect(atom.contains("<title>\(title)</title>"))
        // RSS description is HTML: the text is escaped as HTML, then as XML.
        #expect(rss.contains("<description>Summary with &amp;lt;!-- a comment opener, a&amp;lt;b and c&amp;gt;d, &amp;amp; ]]&amp;gt; inside</description>"))
        #expect(atom.contains("<summary type=\"text\">Summary with &lt;!-- a comment opener, a&lt;b and c&gt;d, &amp; ]]&gt; inside</summary>"))
        let csv = try #require(site.read("exports/postings.csv"))
        #expect(csv.contains("C++ <Senior> Engineer \u{2013} a<b and c>d"))
        #expect(PlainText.from("Caf&eacute; &amp; co &#x1F600; &bogus; &") == "Café & co \u{1F600} &bogus; &")
    }

    /// Indeed's descriptions have literal characters in their text, but a tag's attribute
    /// values stay escaped: there `&quot;` keeps the value closed.
    @Test func indeedDescriptionsAreLiteralInTextOnly() throws {
        let body = "<div title='x\" onmouseover=\"alert(1)'>Pay & \"perks\" > 0</div>\n\n[apply](https://jobs.example.org/?a=1&b=\"2\")"
        let site = try TemporarySite(postings: ["en/job.md": TemporarySite.posting("title: A\ndate: 2026-01-05", body: body)])
        defer { site.remove() }
        _ = try site.build()
        let indeed = try #require(site.read("exports/indeed.xml"))
        #expect(indeed.contains("<div title=\"x&quot; onmouseover=&quot;alert(1)\">Pay & \"perks\" > 0</div>"))
        #expect(indeed.contains("<a href=\"https://jobs.example.org/?a=1&amp;b=%222%22\">apply</a>"))
        #expect(!indeed.contains("onmouseover=\""))
    }

    /// Identifiers that differ only by characters no reader sees (and XML drops) are one
    /// identifier: Indeed's reference numbers tell the two postings apart by their slugs.
    @Test func identifiersThatDifferOnlyByInvisibleCharactersAreOne() throws {
        let site = try TemporarySite(postings: [
            "en/first.md": TemporarySite.posting("title: A\ndate: 2026-01-05\nidentifier: REQ-1"),
            "en/second.md": TemporarySite.posting("title: B\ndate: 2026-01-05\nidentifier: \"REQ-1\\u200B\\u0001\""),
            // Windows-1252 read as Latin-1 is what it stood for, in an identifier as anywhere.
            "en/third.md": TemporarySite.posting("title: \"\\x92\"\ndate: 2026-01-05\nidentifier: \"REQ\\x962\""),
        ])
        defer { site.remove() }
        _ = try site.build()
        let indeed = try #require(site.read("exports/indeed.xml"))
        let references = indeed.components(separatedBy: "<referencenumber><![CDATA[").dropFirst().map { $0.prefix { $0 != "]" } }
        #expect(references.sorted() == ["REQ-1-en-first", "REQ-1-en-second", "REQ\u{2013}2-en"])
    }

    /// A job's cached bytes open with its usual reference: when a later build finds another
    /// posting with its identifier, the job is read back and opened again with its slug, and
    /// when that posting goes, the cached job is used as it is. Each build's feed is a cold
    /// build's of the same postings.
    @Test func aReferenceThatBecomesSharedReopensTheCachedJob() throws {
        func posting(_ identifier: String) -> String { TemporarySite.posting("title: A\ndate: 2026-01-05\nidentifier: \(identifier)") }
        let site = try TemporarySite(postings: ["en/first.md": posting("REQ-1"), "en/second.md": posting("REQ-2")])
        defer { site.remove() }
        _ = try site.build()
        for (second, expected) in [("REQ-1", ["REQ-1-en-first", "REQ-1-en-second"]), ("REQ-2", ["REQ-1-en", "REQ-2-en"])] {
            try site.write("postings/en/second.md", posting(second) + "\n")
            let report = try site.build()
            #expect(report.bodiesRendered == 1, "the first posting's job comes from the cache")
            let indeed = try #require(site.read("exports/indeed.xml"))
            let references = indeed.components(separatedBy: "<referencenumber><![CDATA[").dropFirst().map { String($0.prefix { $0 != "]" }) }
            #expect(references.sorted() == expected)
            let cold = try TemporarySite(postings: ["en/first.md": posting("REQ-1"), "en/second.md": posting(second) + "\n"])
            defer { cold.remove() }
            _ = try cold.build()
            #expect(cold.read("exports/indeed.xml") == indeed)
        }
    }

    /// Windows-1252 text decoded as Latin-1 (U+0092 for a `’`, U+0096 for a `–`) reaches
    /// every output as what it stood for, and no C1 control reaches any (feed validators flag
    /// them; readers show boxes).
    @Test func windows1252ReadAsLatin1IsPublishedAsWhatItMeant() throws {
        let site = try TemporarySite(postings: [
            "en/job.md": TemporarySite.posting("title: \"It\\x92s a \\x93job\\x94\"\ndate: 2026-01-05", body: "We\u{92}re hiring \u{96} now\u{85}"),
        ])
        defer { site.remove() }
        _ = try site.build()
        for path in ["feeds/en/rss.xml", "feeds/en/atom.xml", "feeds/en/feed.json", "exports/postings.csv", "exports/indeed.xml", "exports/jsonld/en/job.jsonld"] {
            let output = try #require(site.read(path), "\(path)")
            #expect(!output.unicodeScalars.contains { (0x80...0x9F).contains($0.value) }, "\(path) holds a C1 control")
            #expect(output.contains("It\u{2019}s a \u{201C}job\u{201D}"), "\(path) lost the title's quotes")
            #expect(output.contains("We\u{2019}re hiring \u{2013} now\u{2026}"), "\(path) lost the body's punctuation")
        }
    }

    @Test func aFeedWithNoPostingsIsDatedByTheBuildNotNineteenSeventy() throws {
        let site = try TemporarySite(postings: ["en/only.md": TemporarySite.posting("title: Only English\ndate: 2026-01-05")])
        defer { site.remove() }
        _ = try site.build()
        let rss = try #require(site.read("feeds/fr/rss.xml"))
        let atom = try #require(site.read("feeds/fr/atom.xml"))
        #expect(!rss.contains("1970") && !atom.contains("1970"))
        #expect(atom.contains("<updated>\(DateFormats.rfc3339(TemporarySite.now))</updated>"))
    }

    /// With no live posting left, a language's feeds are dated by the newest posting it had,
    /// not by the build: rebuilding changes nothing.
    @Test func aFeedOfArchivedPostingsIsDatedByTheNewestOfThem() throws {
        let site = try TemporarySite(postings: [
            "en/older.md": TemporarySite.posting("title: Older\ndate: 2025-03-01\narchived: true"),
            "en/newer.md": TemporarySite.posting("title: Newer\ndate: 2025-06-02\narchived: true"),
            "fr/live.md": TemporarySite.posting("title: En direct\ndate: 2026-01-05"),
        ])
        defer { site.remove() }
        _ = try site.build()
        let atom = try #require(site.read("feeds/en/atom.xml"))
        let updated = try #require(atom.firstRange(of: "<updated>").map { atom[$0.upperBound...].prefix(20) })
        #expect(updated.hasPrefix("2025-06-02"))
    }
}

/// The sitemap of job pages, split into an index of parts past its per-file limit.
@Suite struct SitemapTests {
    @Test func pastItsLimitTheSitemapIsAnIndexOfPartsAndThePartsGoWhenTheSiteShrinks() throws {
        var postings: [String: String] = [:]
        for index in 0..<5 { postings["en/job-\(index).md"] = TemporarySite.posting("title: Job \(index)\ndate: 2026-01-0\(index + 1)") }
        let site = try TemporarySite(config: TemporarySite.standardConfig + "\nlimits:\n  sitemapURLs: 2\n", postings: postings)
        defer { site.remove() }
        _ = try site.build()
        let index = try #require(site.read("exports/sitemap.xml"))
        #expect(index.contains("<sitemapindex"))
        #expect(index.contains("<loc>https://jobs.example.org/exports/sitemaps/sitemap-3.xml</loc>"))
        #expect(site.read("exports/sitemaps/sitemap-3.xml")?.components(separatedBy: "<url>").count == 2)
        ConsumerCheck.run(on: site.root)
        for index in 1..<5 { try FileManager.default.removeItem(at: site.root.appendingPathComponent("postings/en/job-\(index).md")) }
        _ = try site.build()
        #expect(site.read("exports/sitemap.xml")?.contains("<urlset") == true)
        #expect(site.read("exports/sitemaps/sitemap-1.xml") == nil)
        ConsumerCheck.run(on: site.root)
    }
}

/// A site chooses its outputs; one it turns off stops being published.
@Suite struct OutputSelectionTests {
    @Test func anOutputTurnedOffHasItsFilesRemoved() throws {
        let site = try TemporarySite(postings: BuildBehaviourTests.postings)
        defer { site.remove() }
        _ = try site.build()
        #expect(site.read("exports/indeed.xml") != nil && site.read("exports/jsonld/en/writer.jsonld") != nil)
        try site.write("jobfeed.yml", TemporarySite.standardConfig + "\noutputs: [rss, atom, csv]\n")
        let report = try site.build()
        #expect(!report.hasErrors)
        let published = Set(OutputTree.published(below: site.root).keys)
        #expect(published == ["feeds/en/rss.xml", "feeds/en/atom.xml", "feeds/fr/rss.xml", "feeds/fr/atom.xml", "exports/postings.csv"])
    }

    @Test func anUnknownOutputNamesTheNearestOne() throws {
        let site = try TemporarySite(config: TemporarySite.standardConfig + "\noutputs: [rss, inded]\n")
        defer { site.remove() }
        #expect(throws: DiagnosticError.self) { try site.config() }
        do { _ = try site.config() } catch let error as DiagnosticError { #expect(error.description.contains("did you mean 'indeed'?")) }
    }
}

/// Subscriber feeds may be limited; the aggregator exports never are.
@Suite struct FeedLimitTests {
    @Test func aFeedLimitKeepsTheNewestItemsAndTheExportsKeepEveryJob() throws {
        var postings: [String: String] = [:]
        for index in 1...5 { postings["en/job-\(index).md"] = TemporarySite.posting("title: Job \(index)\ndate: 2026-01-0\(index)") }
        let site = try TemporarySite(config: TemporarySite.standardConfig + "\nlimits:\n  feedItems: 2\n", postings: postings)
        defer { site.remove() }
        _ = try site.build()
        let rss = try #require(site.read("feeds/en/rss.xml"))
        #expect(rss.components(separatedBy: "<item>").count - 1 == 2)
        #expect(rss.contains("<title>Job 5</title>") && rss.contains("<title>Job 4</title>") && !rss.contains("<title>Job 3</title>"))
        #expect(try #require(site.read("feeds/en/atom.xml")).components(separatedBy: "<entry>").count - 1 == 2)
        let feed = try JSONSerialization.jsonObject(with: Data(try #require(site.read("feeds/en/feed.json")).utf8)) as? [String: Any]
        #expect((feed?["items"] as? [Any])?.count == 2)
        #expect(try #require(site.read("exports/indeed.xml")).components(separatedBy: "<job>").count - 1 == 5)
        #expect(try #require(site.read("exports/sitemap.xml")).components(separatedBy: "<url>").count - 1 == 5)
        #expect(FolderWalk.files(below: site.root.appendingPathComponent("exports/jsonld").path).count == 5)
    }
}

/// `.gz` twins for web servers that serve precompressed files.
@Suite struct GzipTwinTests {
    static let large = ["feeds/en/rss.xml", "feeds/en/atom.xml", "feeds/en/feed.json", "feeds/fr/rss.xml", "exports/jobpostings.jsonld",
                        "exports/postings.csv", "exports/sitemap.xml", "exports/indeed.xml"]

    @Test func eachLargeOutputHasADeterministicTwinRewrittenOnlyWithItsOriginal() throws {
        let site = try TemporarySite(config: TemporarySite.standardConfig + "\ngzip: true\n", postings: BuildBehaviourTests.postings)
        defer { site.remove() }
        _ = try site.build()
        for path in Self.large {
            let twin = try #require(FileManager.default.contents(atPath: site.root.appendingPathComponent(path + ".gz").path), "\(path).gz")
            #expect(twin.prefix(2) == Data([0x1f, 0x8b]) && twin[4..<8] == Data([0, 0, 0, 0]), "\(path).gz header")
        }
        ConsumerCheck.run(on: site.root)
        let times = OutputTree.modificationDates(below: site.root)
        try site.write("postings/en/other.md", TemporarySite.posting("title: Other\ndate: 2026-01-09\ntranslationKey: other-x"))
        let second = try site.build()
        #expect(second.files.written.contains { $0.hasSuffix("feeds/en/rss.xml.gz") })
        #expect(!second.files.written.contains { $0.hasSuffix("feeds/fr/rss.xml.gz") })
        #expect(OutputTree.modificationDates(below: site.root)["feeds/fr/rss.xml.gz"] == times["feeds/fr/rss.xml.gz"])
        ConsumerCheck.run(on: site.root)
        try site.write("jobfeed.yml", TemporarySite.standardConfig)
        _ = try site.build()
        #expect(OutputTree.published(below: site.root).keys.allSatisfy { !$0.hasSuffix(".gz") })
    }
}
