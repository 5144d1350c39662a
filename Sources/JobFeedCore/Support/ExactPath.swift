import Foundation

/// A path as the file system holds it: equal and hashed byte for byte.
///
/// `String` compares by Unicode canonical equivalence: `café` spelled with a composed `é` and
/// `café` spelled with `e` and a combining accent are one string to it, and neither sorts
/// before the other, while Linux holds them as two files (one saved on a Mac beside one saved
/// elsewhere, or renamed by one). Records kept by `String` path merged the two postings: a
/// broken edit to one published the other's last good version at its URL.
package struct ExactPath: Hashable, Comparable, Sendable {
    package let text: String

    package init(_ text: String) {
        self.text = text
    }

    /// By `memcmp` of the two UTF-8 buffers: compared element by element through `UTF8View`, the
    /// lookups of 10,000 documents' records took 4.6% of a cron build. The buffers are borrowed
    /// where they lie: copied into variables for `withUTF8`, each text was retained and
    /// released, an atomic write to memory a table's key seldom has in cache (at 50,000
    /// postings, 2% of a cron build's CPU went to those retains).
    package static func == (left: ExactPath, right: ExactPath) -> Bool {
        left.text.hasSameBytes(as: right.text)
    }

    package func hash(into hasher: inout Hasher) {
        text.withBorrowedUTF8 { hasher.combine(bytes: $0) }
    }

    package static func < (left: ExactPath, right: ExactPath) -> Bool {
        left.text.precedesExactly(right.text)
    }
}

extension StringProtocol {
    /// Whether the two hold the same bytes, as `ExactPath` compares them: one `memcmp` where the
    /// bytes lie, element by element only for text that is not contiguous.
    package func hasSameBytes(as other: some StringProtocol) -> Bool {
        let equal = utf8.withContiguousStorageIfAvailable { bytes in
            other.utf8.withContiguousStorageIfAvailable { otherBytes in
                bytes.count == otherBytes.count && (bytes.isEmpty || memcmp(bytes.baseAddress!, otherBytes.baseAddress!, bytes.count) == 0)
            }
        }
        return equal.flatMap { $0 } ?? utf8.elementsEqual(other.utf8)
    }
}

extension String {
    /// Whether this path sorts before `other`: in `String`'s order, and where that finds the
    /// two equal (the same text in other code points, see `ExactPath`), in byte order, so that
    /// no two files tie and the order does not hang on the order a folder was listed in.
    package func precedesExactly(_ other: String) -> Bool {
        if self < other { return true }
        if other < self { return false }
        return utf8.lexicographicallyPrecedes(other.utf8)
    }
}
