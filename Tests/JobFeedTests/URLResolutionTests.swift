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
}
