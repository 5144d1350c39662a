import Foundation
import Testing
import JobFeedRendering
import JobFeedSystem

/// `check`'s comparison with the file on disk: bytes as they render, and stretches the file's
/// layout says it holds elsewhere in itself (a part that moved) or here (nothing to read).
@Suite struct ContentComparisonTests {
    func comparison(of text: String) throws -> (ContentComparison, URL) {
        let url = ScratchPath.unused("compared")
        try Data(text.utf8).write(to: url)
        return (ContentComparison(file: try OpenFile(url.path, .readOnly, operation: "read")), url)
    }

    @Test func aStretchFoundElsewhereInTheFileComparesByItsBytes() throws {
        let (same, url) = try comparison(of: "head|abc|abc|tail")
        defer { try? FileManager.default.removeItem(at: url) }
        same.compare("head|")
        same.compare(3, at: 5)  // here
        same.compare("|")
        same.compare(3, at: 5)  // the same bytes, four bytes back
        same.compare("|tail")
        #expect(!same.finish())

        let (moved, other) = try comparison(of: "head|abc|abd|tail")
        defer { try? FileManager.default.removeItem(at: other) }
        moved.compare("head|")
        moved.compare(3, at: 5)
        moved.compare("|")
        moved.compare(3, at: 5)  // "abd" here is not "abc"
        moved.compare("|tail")
        #expect(moved.finish())
    }

    @Test func aFileThatGoesOnOrStopsShortDiffers() throws {
        let (longer, url) = try comparison(of: "abcabc!")
        defer { try? FileManager.default.removeItem(at: url) }
        longer.compare(3, at: 0)
        longer.compare(3, at: 0)
        #expect(longer.finish())

        let (shorter, other) = try comparison(of: "abcab")
        defer { try? FileManager.default.removeItem(at: other) }
        shorter.compare(3, at: 0)
        shorter.compare(3, at: 0)
        #expect(shorter.finish())
    }
}

extension ContentComparison {
    func compare(_ text: String) {
        Data(text.utf8).withUnsafeBytes { compare($0) }
    }
}
