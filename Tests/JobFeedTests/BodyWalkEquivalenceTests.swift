import Foundation
import Testing
import JobFeed

/// The direct walk of a body's HTML (`DirectHTMLWalk`) must hand the visitors exactly what
/// libxml2's parse hands them: every body renders the same either way, byte for byte, and the
/// walk gives up rather than guess.
@Suite struct BodyWalkEquivalenceTests {
    let renderer = BodyRenderer()

    /// Whether the direct walk took the body, and whether both paths agree on it.
    func compare(_ posting: Posting) throws -> (walked: Bool, agree: Bool) {
        let html = try renderer.markdown.html(from: posting.body)
        var visitor = BodyVisitor(baseURL: posting.url)
        let walked = html.withUnsafeBufferPointer { DirectHTMLWalk.walk($0, into: &visitor) }
        let reference = try renderer.renderParsingHTML(posting)
        return (walked, try renderer.render(posting) == reference && (!walked || visitor.body == reference))
    }

    @Test(.enabled(if: RealCorpusTests.present, "skipped: ../shared/corpus/cds is absent"))
    func realPostingsRenderTheSameWalkedDirectlyAsParsed() throws {
        let postings = try RealCorpusTests.postings()
        let results = try postings.map(compare)
        #expect(results.filter { !$0.agree }.count == 0)
        // Most real bodies are plain Markdown; the few with raw HTML may go either way.
        #expect(results.filter(\.walked).count * 10 >= postings.count * 9)
    }

    @Test func generatedBodiesRenderTheSameWalkedDirectlyAsParsed() throws {
        var posting = try #require(try BodyRenderingTests().samplePosting())
        var generator = BodyGenerator(seed: 20261203)
        var walked = 0
        var disagreements: [String] = []
        for _ in 0..<3000 {
            posting.body = generator.next()
            let result = try compare(posting)
            if result.walked { walked += 1 }
            if !result.agree { disagreements.append(posting.body) }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(3))")
        // Both paths are exercised: plain bodies walked directly, the rest parsed.
        #expect(walked > 600 && walked < 2400, "\(walked) of 3000 walked directly")
    }

    @Test(arguments: [
        "Plain *text* with a [link](https://example.org/?a=1&b=2 \"a \\\"title\\\"\") and `code`.",
        "<details open><summary>Sum &amp; more</summary>\n<p title='x'>Para&nbsp;&rsquo;</p>\n</details>",
        "<div>\n<p>para</p><!-- note -->\n<br/><img src=\"a.png\" alt=\"x\">\n</div>",
    ])
    func plainHTMLIsWalkedDirectly(_ markdown: String) throws {
        var posting = try #require(try BodyRenderingTests().samplePosting())
        posting.body = markdown
        let result = try compare(posting)
        #expect(result.walked && result.agree)
    }

    @Test(arguments: [
        "<p>a<div>b</div></p>", "<ul><li>one<li>two</ul>", "<p>Unclosed", "<script>x</script>", "<p>R&D <b>x</b></p>",
        "<IMG SRC=\"x.png\">", "<h2 id=x>unquoted</h2>", "<div><https://raw.example.org></div>", "<p>a\u{01}b</p>",
        "<custom-element>x</custom-element>", "<p>&#13;</p>", "<br></br>", "<!---> x", "<p>a -- b <!-- c -- d --></p>",
    ])
    func htmlThatIsNotPlainIsParsedAndRendersTheSame(_ markdown: String) throws {
        var posting = try #require(try BodyRenderingTests().samplePosting())
        posting.body = markdown
        let result = try compare(posting)
        #expect(!result.walked && result.agree)
    }
}

/// Bodies made of pieces that real postings and hostile ones hold, in a seeded order: Markdown
/// of every kind cmark-gfm renders, raw HTML plain and not, references good and bad, and
/// characters XML has no place for.
struct BodyGenerator {
    private var random: SplitMix64

    init(seed: UInt64) {
        random = SplitMix64(seed: seed)
    }

    static let markdown = [
        "Plain *em* and **strong** and ~~struck~~ and _under_ text.",
        "A [link](https://example.org/a?b=1&c=2 \"Title \\\"quoted\\\" & <angled>\") and ![alt *text*](images/x.png 'img title').",
        "Relative [here](../apply/) and [mail](mailto:jobs@example.org), https://www.example.org/p?x=1 and www.example.com, jobs@example.org.",
        "`code <span>` and ``double `tick` code``", "```swift\nlet x = 1 < 2 && true\n\nprint(\"hi\")\n```", "    indented code\n    block",
        "- one\n- two\n  - nested\n  - nested 2\n- three", "1. first\n\n2. loose second\n\n   para in item", "7. starts at seven\n8. eight",
        "| Left | Center | Right |\n|:-----|:------:|------:|\n| a | **b** | `c` |\n| ~~d~~ | [e](https://e.org) | f |", "| only header |\n|---|",
        "> quoted\n> > nested quote\n\n> - list in quote", "# H1\n\n## H2 with `code`\n\n###### H6", "Setext heading\n---", "***",
        "line one  \nline two\\\nline three", "Entities: &copy; &amp; &lt;tag&gt; &#39; &#x1F600; &#0; &nbsp;&ndash; &unknown; R&D &amp",
        "Unicode: café, 日本語, 😀, e\u{301}, עברית, \u{2028} and \u{85}", "[brackets [in] text](https://x.org/a_(b)) and <https://auto.example.org/x>",
        "[outer https://inner.example.org link](https://outer.example.org)", "Tab\tinside and trailing   ", "* [ ] task\n* [x] done",
        "Footnote[^1]\n\n[^1]: note", "![](empty.png) ![img](javascript:alert(1)) [js](javascript:alert(1)) [sp](java\u{301}script:x)",
        "[ref link][r]\n\n[r]: https://ref.example.org \"Ref title\"", "Control \u{01} and \u{FFFE} and \u{7F}", "A bell \u{07} alone", "Nonchar \u{FFFF} alone", "CRLF line\r\nsecond line\r\n",
        "[two-line title](https://x.org \"two\nlines\")", "<mailto:jobs@example.org> and <jobs@example.org>", "***bold em*** and *a **b** c*",
    ]

    static let html = [
        "<details><summary>Sum</summary>\n<p>Para inside.</p>\n</details>", "<div class=\"x\" id='y'>\n\n*markdown in div*\n\n</div>",
        "<p>Unclosed paragraph\n\nnext", "<p>a<div>b</div></p>", "<ul><li>one<li>two</ul>",
        "Inline <b>bold</b> <i>it</i> <span style=\"color:red\">red</span> <br> <br/> </br>",
        "<a href=\"https://x.org\">a <a href=\"https://y.org\">b</a></a>", "<!-- a comment --> text <!-- odd -- one --> more <!---> x",
        "<script>alert('<b>x</b>')</script> after", "<style>p{}</style>", "<IMG SRC=\"x.png\" onerror=\"alert(1)\">",
        "<table><tr><td>cell</td></tr></table>", "<details open><summary>Open</summary>Body &amp; more &nbsp; &rsquo;</details>",
        "<p title=\"a &quot;q&quot; &amp; b\nc\">attr with newline</p>", "<embed src=\"x\">after embed",
        "<https://raw.example.org> raw <div><mailto:a@b.c></div>", "<custom-element>x</custom-element>", "<h2 id=x>unquoted</h2>",
        "<p>R&D and &#13; and &#x7f; and &#65;&#x42;</p>", "<blockquote><p>q</p></blockquote>", "<dl><dt>t<dd>d</dl>",
        "<section><header>h</header>text</section>", "<pre>\nfirst line after pre\n</pre>", "<textarea>x</textarea><select><option>o</select>",
        "<svg><text>x</text></svg>", "<p>a</P>", "<li>orphan item</li>", "<p><p>double</p></p>", "<em><p>block in inline</p></em>",
        "<div>\n<p>para</p>\n\n<p>second</p>\n</div>", "<img src=\"a.png\" alt=\"x\">", "<a href=\"/relative\" title='single'>rel</a>",
        "<p>tab\tin\ttext</p>", "<td>cell outside table</td>", "<hr><hr/>", "<font color=red>font</font>", "<a href=\"javascript:x\">js</a>",
        "<p>  spaced  <b> bold </b>  </p>", "<div><div>nested</div></div>", "<span>a</span><span>b</span>", "<p>x<br>y</p>",
        "<a href=\"java&#x73;cript:x\">ref</a>", "<ol start=\"3\"><li>three</li></ol>", "<p>&eacute;&AElig;&frac12;&sup2;</p>", "<p>a\u{01}b</p>", "<p title=\"a\u{02}\">x</p>",
    ]

    /// The next body: a few pieces, some inside list items or quotes, joined as Markdown would
    /// join them or run together.
    mutating func next() -> String {
        var pieces: [String] = []
        for _ in 0..<(1 + pick(5)) {
            var piece = pick(3) == 0 ? Self.html[pick(Self.html.count)] : Self.markdown[pick(Self.markdown.count)]
            switch pick(6) {
            case 0: piece = "- " + piece.replacingOccurrences(of: "\n", with: "\n  ")
            case 1: piece = "> " + piece.replacingOccurrences(of: "\n", with: "\n> ")
            default: break
            }
            pieces.append(piece)
        }
        let separators = ["\n\n", "\n", " ", ""]
        return pieces.reduce("") { $0.isEmpty ? $1 : $0 + separators[pick(separators.count)] + $1 }
    }

    /// The same bodies on every run and machine.
    private mutating func pick(_ count: Int) -> Int {
        Int(random.next() % UInt64(count))
    }
}
