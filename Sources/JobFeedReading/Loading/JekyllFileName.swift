import Foundation
import JobFeedCore

/// A Jekyll document's dated file name, read as Jekyll reads it: `2026-03-01-designer.md` and
/// `2026-3-1-designer.md` alike are the document `designer` of March 1, 2026.
///
/// Jekyll's pattern (`DATE_FILENAME_MATCHER`) is `(\d{2,4}-\d{1,2}-\d{1,2})-([^/]*)(\.[^.]+)$` on
/// the last part of the path. It is read on bytes: Jekyll's `\d` is an ASCII digit (`٢` and `½`
/// are number `Character`s too), and a cut anywhere else could fall inside a character. A name
/// with nothing after its date keeps its date as its slug, as jobfeed has no empty slugs.
package struct JekyllFileName: Sendable {
    package let year: Int
    package let month: Int
    package let day: Int
    /// What follows the date and its `-`.
    package let slug: String

    /// `name`: a file's name without its extension, or a slug's last part.
    package init?(_ name: some StringProtocol) {
        let bytes = Array(name.utf8)
        var position = 0
        func number(digits: ClosedRange<Int>) -> (value: Int, digits: Int)? {
            let start = position
            while position < bytes.count, position - start < digits.upperBound + 1, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) {
                position += 1
            }
            let count = position - start
            guard digits.contains(count), position < bytes.count, bytes[position] == UInt8(ascii: "-") else { return nil }
            position += 1
            return (bytes[start..<start + count].reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }, count)
        }
        guard let year = number(digits: 2...4), let month = number(digits: 1...2), let day = number(digits: 1...2),
              position < bytes.count else { return nil }
        // Ruby's date parsing, which Jekyll's is, completes a two-digit year (69 and later are 19xx).
        self.year = year.digits == 2 ? year.value + (year.value >= 69 ? 1900 : 2000) : year.value
        self.month = month.value
        self.day = day.value
        slug = String(decoding: bytes[position...], as: UTF8.self)
    }

    /// The date as `YYYY-MM-DD`, for the site's date parser (which refuses a day that does not
    /// exist, where Jekyll stops the build).
    package var date: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    /// `jobs/2026-03-01-designer` → `jobs/designer`: Jekyll's file names carry the date, its
    /// slugs do not.
    package static func withoutDate(_ slug: String) -> String {
        let parts = slug.pathComponents(omittingEmpty: false)
        guard let last = parts.last, let name = JekyllFileName(last) else { return slug }
        return (parts.dropLast().map(String.init) + [name.slug]).joined(separator: "/")
    }

    /// The date a posting file's name starts with, as the site's `parser` reads it.
    package static func date(of relativePath: String, parser: DateParser) -> Timestamp? {
        JekyllFileName(PostingPath.stripExtension(Substring(relativePath.lastName))).flatMap { parser.parse($0.date) }
    }
}
