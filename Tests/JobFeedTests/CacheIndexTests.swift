import Foundation
import Testing
import JobFeedCore
import JobFeedPublishing
@_spi(Specialized) import JobFeedRendering

/// The build cache's index holds each posting file's kinds together, looked up once per
/// posting; on disk it is the same list of entries by path and kind.
@Suite struct CacheIndexTests {
    static let kinds = ["reading", "reading body", "rss-item", "csv"]

    /// Two postings' entries, each kind at its own place in the pack.
    static func index() -> CacheIndex {
        var index = CacheIndex()
        index.packLength = 1 << 20
        for (number, path) in ["/site/postings/en/a.md", "/site/postings/fr/a.md"].enumerated() {
            for (place, kind) in kinds.enumerated() {
                let stamp = FileStamp(size: 100, modifiedSeconds: number, modifiedNanoseconds: 0, inode: UInt64(number))
                index[PartKey(path: path, kind: kind)] = CacheIndex.Entry(stamp: stamp, context: UInt64(place), offset: UInt64(number * 100 + place * 10),
                                                                         length: 10, digest: UInt64(place))
            }
        }
        return index
    }

    @Test func anIndexReadsBackEntryForEntryAndEncodesToTheSameBytes() throws {
        var index = Self.index()
        let bytes = index.encode(key: 7)
        let file = ScratchPath.unused("index")
        defer { try? FileManager.default.removeItem(at: file) }
        try bytes.write(to: file)
        var (loaded, damaged) = CacheIndex.load(from: file.path, key: 7)
        #expect(!damaged)
        #expect(loaded.entries.count == 2)
        #expect(loaded.allEntries == index.allEntries && loaded.allEntries.count == 8)
        #expect(loaded.encode(key: 7) == bytes)
        // Under another key (another jobfeed or config), nothing is used, and it is no damage.
        let foreign = CacheIndex.load(from: file.path, key: 8)
        #expect(foreign.index.entries.isEmpty && !foreign.damaged)
    }

    @Test func eachKindIsFoundUnderItsPostingAndAPostingWithoutKindsLeavesTheTable() {
        var index = Self.index()
        let path = "/site/postings/en/a.md"
        #expect(index[PartKey(path: path, kind: "csv")]?.offset == 30)
        #expect(index[PartKey(path: path, kind: "atom-item")] == nil)
        #expect(index[PartKey(path: "/site/postings/en/b.md", kind: "csv")] == nil)
        for kind in Self.kinds.dropLast() { index[PartKey(path: path, kind: kind)] = nil }
        #expect(index.entries[PostingKey(path: path)]?.count == 1)
        index[PartKey(path: path, kind: "csv")] = nil
        #expect(index.entries[PostingKey(path: path)] == nil)
        #expect(index.entries.count == 1 && index.allEntries.count == 4)
    }
}
