import Testing
import JobFeed

/// A posting's text as every output carries it: the feeds, the CSV and the JSON agree on it.
@Suite struct PublishedTextTests {
    @Test(arguments: [
        ("Designer", "Designer"),
        ("  Senior\r\n  Designer \t(remote)\n", "Senior Designer (remote)"),
        ("a\u{1}b\u{7F}c\u{85}d\u{FFFE}e\u{FFFF}f\u{10FFFF}", "abcdef"),
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
