import Foundation
import Testing
import JobFeed

/// Links in bodies are made absolute by a byte-level path resolver when both sides are plain
/// ASCII paths; Foundation's `URL(string:relativeTo:)` is the oracle it must match exactly.
@Suite struct URLResolutionTests {
    static let bases = [
        "https://example.org/en/jobs/job-1/", "https://example.org/en/jobs/job-1", "https://example.org", "https://example.org/",
        "http://a.b:8080/x/y/z.html", "https://example.org/a//b/", "https://digital.canada.ca/fr/emplois/x-y/",
    ]

    static func foundation(_ reference: String, _ base: String) -> String? {
        URL(string: reference, relativeTo: URL(string: base)!)?.absoluteString
    }

    @Test(arguments: bases)
    func plainPathsResolveAsFoundationDoes(base: String) {
        let references = ["../en/equipe/", "/about", "a/b", "./a", "..", "../../../../x", "/../x", "a/./b/../c", ".", "a//b", "/a/b/..",
                          "x/..", "..a", "a..", ".../x", "/", "a;b", "a=b&c", "~user", "a@b", "*", "(x)", "a/.", "/a//.", "./", "../"]
        for reference in references {
            let fast = PlainPathReference.resolve(reference, against: base)
            #expect(fast != nil, "\(reference) against \(base) was left to Foundation")
            #expect(fast == Self.foundation(reference, base), "\(reference) against \(base)")
        }
    }

    /// Thousands of references made of the characters that make resolution tricky (dots,
    /// slashes, empty segments), from a fixed seed.
    @Test func generatedPathsResolveAsFoundationDoes() {
        let pieces = ["a", "b", ".", "..", "/", "//", "-", "~", "(", ";", "@", "=", "x.y", "..."]
        var random = SplitMix64(seed: 20261203)
        var compared = 0
        for _ in 0..<4_000 {
            let reference = (0..<Int(random.next() % 7 + 1)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            let base = Self.bases[Int(random.next() % UInt64(Self.bases.count))]
            guard let fast = PlainPathReference.resolve(reference, against: base) else { continue }
            compared += 1
            #expect(fast == Self.foundation(reference, base), "\(reference) against \(base)")
        }
        #expect(compared > 3_000)
    }

    @Test(arguments: [
        "?q=1", "#top", "a?b", "a#b", "%20", "a b", "é", "a:b", "//cdn.example/x", "", "\\a",
    ])
    func otherReferencesAreLeftToFoundation(reference: String) {
        #expect(PlainPathReference.resolve(reference, against: "https://example.org/x/") == nil)
    }

    @Test(arguments: ["ftp://example.org/x/", "https://Example.org/", "https://example.org/x?y", "https://example.org/%7E/", "https://", "mailto:a@b"])
    func otherBasesAreLeftToFoundation(base: String) {
        #expect(PlainPathReference.resolve("a/b", against: base) == nil)
    }

    @Test(arguments: [
        ("https://x", true), ("a:", true), ("a+b-c.d:x", true), ("HTTP:x", true), ("1a:x", false), (":x", false), ("a b:x", false),
        ("../a:b", false), ("abc", false), ("é:x", true), ("a\u{301}b:x", true), ("ab:\u{301}x", false), ("-a:x", false),
    ])
    func schemesAreRecognized(text: String, hasScheme: Bool) {
        #expect(URLResolver.hasScheme(text) == hasScheme, "\(text)")
    }

    /// What a URL cannot hold is percent-encoded as browsers do, and escapes already written
    /// stay as they are: Foundation alone encoded a raw HTML link's `%20` again, as `%2520`,
    /// when the link also held a space or a character outside ASCII.
    @Test(arguments: [
        ("/x/\u{E9}%20y", "https://example.org/x/%C3%A9%20y"),
        ("a b%20c", "https://example.org/en/jobs/job-1/a%20b%20c"),
        ("docs/a|b%2Fc", "https://example.org/en/jobs/job-1/docs/a%7Cb%2Fc"),
        ("#a#b", "https://example.org/en/jobs/job-1/#a%23b"),
        ("?q=%E9 x", "https://example.org/en/jobs/job-1/?q=%E9%20x"),
        ("100%", "https://example.org/en/jobs/job-1/100%25"),
        ("%zz/%4", "https://example.org/en/jobs/job-1/%25zz/%254"),
        ("https://example.org/a b/\u{E9}%20", "https://example.org/a%20b/%C3%A9%20"),
        ("../a%20b", "https://example.org/en/jobs/a%20b"),
        (" ", "https://example.org/en/jobs/job-1/"),
    ])
    func invalidCharactersAreEscapedAndEscapesKept(reference: String, resolved: String) {
        #expect(URLResolver.resolve(reference, against: "https://example.org/en/jobs/job-1/") == resolved)
    }

    /// Thousands of references mixing escapes with what must be escaped, from a fixed seed:
    /// each resolves to a URL Foundation reads, with every escape of the reference in it as written.
    @Test func generatedReferencesKeepTheirEscapes() {
        let pieces = ["a", "/", "%20", "%C3%A9", " ", "\u{E9}", "|", "#", "?", "=", "%", "\"", "x y", "%2F", "."]
        var random = SplitMix64(seed: 20261205)
        for _ in 0..<2_000 {
            let reference = (0..<Int(random.next() % 6 + 1)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            let resolved = URLResolver.resolve(reference, against: "https://example.org/en/jobs/job-1/")
            #expect(URL(string: resolved) != nil, "\(reference) gave \(resolved)")
            // A `..` may take a segment, escapes and all, away.
            for escape in ["%20", "%C3%A9", "%2F"] where reference.contains(escape) && !reference.contains("..") {
                #expect(resolved.contains(escape), "\(reference) gave \(resolved)")
            }
            #expect(!resolved.contains("%2520") && !resolved.contains("%25C3") && !resolved.contains("%252F"), "\(reference) gave \(resolved)")
        }
    }
}
