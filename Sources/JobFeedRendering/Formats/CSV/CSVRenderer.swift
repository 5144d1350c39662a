import Foundation
@_spi(Specialized) import JobFeedCore

/// Writes `exports/postings.csv`: every published posting of every language (active, archived
/// and expired), RFC 4180 (UTF-8, CRLF, header row), with spreadsheet formulas neutralized.
package struct CSVRenderer {
    package let config: Config

    package static let fileName = "postings.csv"

    /// The column set is fixed and documented in README.md; append new columns at the end.
    package static let columns = [
        "id", "language", "translation_key", "slug", "title", "url", "apply_url", "status",
        "date_posted", "valid_through", "employment_type", "remote", "applicant_countries", "locations",
        "salary_min", "salary_max", "salary_currency", "salary_unit", "category", "summary", "description",
        "company", "street", "city", "region", "postal_code", "country",
    ]

    package static var header: Data { Data(CSVTable.line(columns.map(CSVCell.text))) }

    /// The posting's record.
    package func line(_ entry: RenderedEntry) -> [UInt8] {
        CSVTable.line(row(entry))
    }

    private func row(_ entry: RenderedEntry) -> [CSVCell] {
        let posting = entry.posting
        let zone = config.timeZone
        return [
            .text(posting.identifier), .text(posting.language), .text(posting.translationKey ?? ""),
            .text(posting.slug), .text(posting.title), .text(posting.url), .text(posting.applyURL),
            .value(entry.status.rawValue), .value(DateFormats.calendarDate(posting.datePosted, in: zone)),
            .value(posting.validThrough.map { DateFormats.calendarDate($0, in: zone) } ?? ""),
            .value(posting.employmentTypes.map(\.rawValue).joined(separator: ";")),
            .value(posting.remote == nil ? "false" : "true"),
            .text(posting.remote?.applicantCountries.joined(separator: ";") ?? ""),
            .text(posting.locations.map(\.singleLine).joined(separator: " | ")),
            .value(posting.salary?.minimum?.plain ?? ""), .value(posting.salary?.maximum?.plain ?? ""),
            .value(posting.salary?.currency ?? ""), .value(posting.salary?.unit.rawValue ?? ""),
            .text(posting.categories.joined(separator: ";")), .text(entry.summary), .text(entry.body.plainText),
            .text(config.organization.name(in: posting.language)),
        ] + firstPlace(posting)
    }

    /// The first place's address, one column a part (empty for a remote-only job).
    private func firstPlace(_ posting: Posting) -> [CSVCell] {
        let place = posting.locations.first
        return [place?.street, place?.city, place?.region, place?.postalCode, place?.country].map { .text($0 ?? "") }
    }
}

/// A cell of generated values (`value`, written as is) or of posting text (`text`, which a
/// spreadsheet must never run as a formula).
package enum CSVCell {
    case value(String)
    case text(String)

    package var field: String {
        switch self {
        case let .value(value): return value
        case let .text(text):
            let isKept: (Unicode.Scalar) -> Bool = { $0.value >= 0x20 || $0 == "\n" || $0 == "\t" }
            let hasControls = text.withBorrowedUTF8 { bytes in
                ByteWords.firstIndex(in: bytes, marking: ByteWords.controlsButTabAndLineFeed) { bytes[$0] < 0x20 && bytes[$0] != 0x0A && bytes[$0] != 0x09 } != nil
            }
            let clean = hasControls ? String(String.UnicodeScalarView(text.unicodeScalars.filter(isKept))) : text
            guard let first = clean.unicodeScalars.first, SpreadsheetFormula.starts.contains(first) else { return clean }
            return "'" + clean
        }
    }
}

package enum CSVTable {
    /// One record, CRLF-terminated, as UTF-8: written straight into one buffer, as this runs
    /// for every posting (a record per cell in `String`s cost a tenth of a cold build's CSV).
    package static func line(_ cells: [CSVCell]) -> [UInt8] {
        var line: [UInt8] = []
        for (index, cell) in cells.enumerated() {
            if index > 0 { line.append(0x2C) }
            append(cell.field, to: &line)
        }
        line += [0x0D, 0x0A]
        return line
    }

    /// Appends a field, quoted when it holds a comma, a quote or a line break, its quotes
    /// doubled and every line break written as CRLF.
    static func append(_ field: String, to line: inout [UInt8]) {
        field.withBorrowedUTF8 { raw in
            let input = raw.assumingMemoryBound(to: UInt8.self)
            let special = { (word: UInt64) in
                ByteWords.bytes(word, equalTo: 0x22) | ByteWords.bytes(word, equalTo: 0x0A) | ByteWords.bytes(word, equalTo: 0x0D)
            }
            let isSpecial = { (index: Int) in input[index] == 0x22 || input[index] == 0x0A || input[index] == 0x0D }
            guard let first = ByteWords.firstIndex(in: raw, marking: { special($0) | ByteWords.bytes($0, equalTo: 0x2C) },
                                                   where: { isSpecial($0) || input[$0] == 0x2C }) else {
                return line.append(contentsOf: input)
            }
            line.reserveCapacity(line.count + input.count + 16)
            line.append(0x22)
            // Copied in runs up to each quote or line break, the first looked for from the first
            // byte that made the field quoted (the bytes before it hold none).
            var runStart = 0
            var next = isSpecial(first) ? first : ByteWords.firstIndex(in: raw, from: first + 1, marking: special, where: isSpecial)
            while let index = next {
                line.append(contentsOf: UnsafeBufferPointer(rebasing: input[runStart..<index]))
                runStart = index + 1
                switch input[index] {
                case 0x22:
                    line.append(0x22)
                    line.append(0x22)
                case 0x0A where index > 0 && input[index - 1] == 0x0D:
                    break  // the CR before it was written as CRLF
                default:
                    line.append(0x0D)
                    line.append(0x0A)
                }
                next = ByteWords.firstIndex(in: raw, from: runStart, marking: special, where: isSpecial)
            }
            line.append(contentsOf: UnsafeBufferPointer(rebasing: input[runStart...]))
            line.append(0x22)
        }
    }
}
