import Testing
import JobFeed

/// A posting's text as every output carries it: the feeds, the CSV and the JSON agree on it.
@Suite struct PublishedTextTests {
    @Test(arguments: [
        ("Designer", "Designer"),
        ("  Senior\r\n  Designer \t(remote)\n", "Senior Designer (remote)"),
        ("a\u{1}b\u{7F}c\u{FFFE}d\u{FFFF}e\u{10FFFF}f", "abcdef"),
        // Windows-1252 read as Latin-1: what each stood for; U+0081 stood for nothing.
        ("It\u{92}s a \u{93}test\u{94} \u{96} 5\u{80}\u{85}\u{81}", "It\u{2019}s a \u{201C}test\u{201D} \u{2013} 5\u{20AC}\u{2026}"),
        ("one\u{2028}two\u{2029}three", "one two three"),
        ("Caf\u{E9}\u{301} \u{1F600} \u{200F}\u{5D0}", "Caf\u{E9}\u{301} \u{1F600} \u{200F}\u{5D0}"),
        ("\u{1}\r\n\t", ""),
    ])
    func aLineIsOneLineWithNothingXMLCannotCarry(written: String, published: String) {
        #expect(PublishedText.line(written) == published)
    }

    @Test(arguments: [
        ("First.\r\nSecond.\rThird.\n", "First.\nSecond.\nThird.\n"),
        ("tab\tkept\u{0}\u{1B}[31m, \u{FFFE}gone", "tab\tkept[31m, gone"),
        ("unchanged\n\nparagraphs", "unchanged\n\nparagraphs"),
    ])
    func aBlockKeepsItsLinesWithOneKindOfLineBreak(written: String, published: String) {
        #expect(PublishedText.block(written) == published)
    }
}
