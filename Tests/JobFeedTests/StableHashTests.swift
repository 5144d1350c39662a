import Testing
import JobFeedCore

/// The hash a build keeps between runs, and the FNV-1a that names what lies outside the cache.
@Suite struct StableHashTests {
    /// Pinned to values from an independent FNV-1a (Python, each text followed by a zero
    /// byte, as jobfeed has always hashed them): an output's files in the state folder and a
    /// clashing slug's suffix keep the names earlier versions gave them.
    @Test func namesOutsideTheCacheAreTheFNV1aTheyAlwaysWere() {
        #expect(StateFolder.fileName(for: "/site/feeds/en/rss.xml") == "50b431030ab642ed")
        #expect(StableHash.fnv1a("en/jobs/designer.md") == 0x3501_7ffe_3622_6754)
    }

    @Test func textsAreToldApartWhereverTheirBytesOrBoundariesDiffer() {
        func hash(_ texts: [String]) -> UInt64 {
            var hash = StableHash()
            for text in texts { hash.add(text) }
            return hash.value
        }
        #expect(hash(["ab", "c"]) != hash(["a", "bc"]))
        #expect(hash(["a", ""]) != hash(["a"]))
        // Every length around the eight-byte words, and a byte changed at each place of a long text.
        let runs = (0...40).map { hash([String(repeating: "x", count: $0)]) }
        #expect(Set(runs).count == runs.count)
        let text = "https://jobs.example.org/en/jobs/senior-designer-2026/"
        let flipped = text.indices.map { index in hash([text.replacingCharacters(in: index...index, with: "_")]) }
        #expect(Set(flipped + [hash([text])]).count == text.count + 1)
        #expect(StableHash.of(text) == hash([text]))
        // The low bits, which a table's index takes, differ too.
        #expect(Set(runs.map { $0 & 0xFFFF }).count == runs.count)
    }
}
