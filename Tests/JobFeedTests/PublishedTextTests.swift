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

    /// Long text is scanned eight bytes at a time: what needs work is found at any offset,
    /// across a word's edge too (the two bytes of U+0092 on either side of it).
    @Test func whatNeedsWorkIsFoundAtAnyOffset() {
        for offset in 0..<20 {
            let padding = String(repeating: "a", count: offset)
            #expect(PublishedText.block(padding + "\u{92}" + String(repeating: "b", count: 20)) == padding + "\u{2019}" + String(repeating: "b", count: 20))
            #expect(PublishedText.block(padding + "\u{1}\u{7F}" + String(repeating: "b", count: 20)) == padding + String(repeating: "b", count: 20))
            let lines = String(repeating: "\n\t", count: offset)
            #expect(PublishedText.block(lines + "\u{1B}" + lines) == lines + lines)
            #expect(PublishedText.block(lines + "\u{7F}x" + lines) == lines + "x" + lines)
            #expect(PublishedText.block(padding + "\u{FFFE}\u{1FFFF}\n\u{A0}\u{AB}" + String(repeating: "b", count: 9)) == padding + "\n\u{A0}\u{AB}" + String(repeating: "b", count: 9))
            // Among accented letters, whose words are passed over unless they hold a byte
            // that can start a C1 control or a noncharacter.
            let accented = String(repeating: "a", count: offset % 2) + String(repeating: "\u{E9}", count: offset / 2)
            let after = String(repeating: "\u{E8}\u{2019}", count: 6)
            #expect(PublishedText.block(accented + "\u{85}" + after) == accented + "\u{2026}" + after)
            for value: UInt32 in [0xFDD0, 0xFDEF, 0xFFFF, 0x1FFFE, 0x10FFFF] {
                let noncharacter = String(Character(Unicode.Scalar(value)!))
                #expect(PublishedText.block(accented + noncharacter + after) == accented + after, "\(offset) \(value)")
            }
        }
        let untouched = String(repeating: "Caf\u{E9} \u{AB} Emploi \u{BB}\u{A0}: d\u{E9}veloppeur\n\t\u{1F600}\u{2014} ", count: 50)
        #expect(PublishedText.block(untouched) == untouched)
    }

    /// XML text loses what XML forbids, found past plain words at any offset: C0 controls but
    /// tab, line feed and carriage return, and U+FFFE/U+FFFF; nothing else changes.
    @Test func xmlTextLosesWhatXMLForbidsAtAnyOffset() {
        // Each character alone too, at every offset up to 40 bytes: a scan that takes several
        // bytes at a time must find one in any position of a word and after the last word.
        for offset in 0..<40 {
            let padding = String(repeating: "a\r\n\t", count: offset / 4) + String(repeating: "b", count: offset % 4)
            #expect(XMLText.clean(padding + "\u{1}x\u{FFFE}y\u{FFFF}" + padding) == padding + "xy" + padding)
            #expect(XMLText.clean(padding + "\u{7F}\u{85}\u{FFFD}\u{EFFF}" + padding) == padding + "\u{7F}\u{85}\u{FFFD}\u{EFFF}" + padding)
            for forbidden in ["\u{1}", "\u{1F}", "\u{FFFE}", "\u{FFFF}"] {
                #expect(XMLText.clean(padding + forbidden) == padding)
                #expect(XMLText.clean(padding + forbidden + "c") == padding + "c")
            }
        }
    }
}
