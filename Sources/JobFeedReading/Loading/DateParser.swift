import Foundation
import JobFeedCore

/// Reads the date forms postings use: `2026-01-15`, `2026-01-15T09:00`, `2026-01-15 09:00:00 -05:00`,
/// `2026-01-15T09:00:00Z`, and dates in English or French prose (`July 19, 2021 at 9:00am EDT`,
/// `19 juillet 2021 à 9 h`; see `ProseDate`). A value without an offset or zone is wall-clock
/// time in the site's time zone.
package struct DateParser: Sendable {
    package var timeZone: TimeZone

    package static let expectation = "expected YYYY-MM-DD, YYYY-MM-DDTHH:MM:SS with an optional offset, or a date such as 'July 19, 2021 at 9:00am EDT' or '19 juillet 2021 à 9 h'"

    package enum Boundary {
        /// A bare date means the start of that day (publication dates).
        case startOfDay
        /// A bare date means the end of that day (closing dates).
        case endOfDay
    }

    package func parse(_ text: String, boundary: Boundary = .startOfDay) -> Timestamp? {
        if let iso = parseISO(text, boundary: boundary) { return iso }
        guard let prose = ProseDate(timeZone: timeZone).parse(text) else { return nil }
        guard prose.dateOnly else { return Timestamp(seconds: prose.seconds) }
        var civil = prose.day
        if boundary == .endOfDay { (civil.hour, civil.minute, civil.second) = (23, 59, 59) }
        return Timestamp(seconds: toUTC(civil), isDateOnly: true)
    }

    /// A `YYYY-MM-DD` day and nothing else (`2021-07-19`), not checked for being a real day.
    package static func isoDay(_ text: String) -> CivilDateTime? {
        var scanner = DateScanner(Array(text.utf8))
        guard let day = scanner.isoDay(), scanner.atEnd else { return nil }
        return day
    }

    private func parseISO(_ text: String, boundary: Boundary) -> Timestamp? {
        var scanner = DateScanner(Array(text.trimmed.utf8))
        guard var civil = scanner.isoDay() else { return nil }
        if scanner.atEnd {
            guard civil.isValid else { return nil }
            if boundary == .endOfDay { (civil.hour, civil.minute, civil.second) = (23, 59, 59) }
            return Timestamp(seconds: toUTC(civil), isDateOnly: true)
        }
        guard scanner.skip("T") || scanner.skip("t") || scanner.skip(" "),
            let hour = scanner.number(digits: 2), scanner.skip(":"),
            let minute = scanner.number(digits: 2)
        else { return nil }
        (civil.hour, civil.minute) = (hour, minute)
        if scanner.skip(":") {
            guard let second = scanner.number(digits: 2) else { return nil }
            civil.second = min(second, 59)
            if scanner.skip(".") || scanner.skip(",") { scanner.skipDigits() }
        }
        _ = scanner.skip(" ")
        guard civil.isValid, let offset = scanner.offset() else { return nil }
        guard scanner.atEnd else { return nil }
        let seconds = offset.map { civil.secondsAsUTC - Int64($0) } ?? toUTC(civil)
        return Timestamp(seconds: seconds)
    }

    /// Converts a wall-clock time in the site's zone to UTC, honouring daylight saving.
    private func toUTC(_ civil: CivilDateTime) -> Int64 {
        civil.secondsAsUTC(wallClockIn: timeZone)
    }

    package init(timeZone: TimeZone) {
        self.timeZone = timeZone
    }
}

private struct DateScanner {
    package let bytes: [UInt8]
    package var index = 0

    package init(_ bytes: [UInt8]) { self.bytes = bytes }

    package var atEnd: Bool { index == bytes.count }

    package mutating func skip(_ character: Unicode.Scalar) -> Bool {
        guard index < bytes.count, bytes[index] == UInt8(character.value) else { return false }
        index += 1
        return true
    }

    package mutating func number(digits: Int) -> Int? {
        guard index + digits <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[index..<index + digits] {
            guard (48...57).contains(byte) else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        index += digits
        return value
    }

    /// `YYYY-MM-DD`.
    package mutating func isoDay() -> CivilDateTime? {
        guard let year = number(digits: 4), skip("-"), let month = number(digits: 2), skip("-"),
              let day = number(digits: 2) else { return nil }
        return CivilDateTime(year: year, month: month, day: day)
    }

    package mutating func skipDigits() {
        while index < bytes.count, (48...57).contains(bytes[index]) { index += 1 }
    }

    /// `Z`, `±HH:MM`, `±HHMM`, `±HH`; `.some(nil)` when there is none.
    package mutating func offset() -> Int?? {
        if atEnd { return .some(nil) }
        if skip("Z") || skip("z") { return .some(0) }
        let sign: Int
        if skip("+") { sign = 1 } else if skip("-") { sign = -1 } else { return nil }
        guard let hours = number(digits: 2), hours <= 23 else { return nil }
        _ = skip(":")
        let minutes = atEnd ? 0 : number(digits: 2)
        guard let minutes, minutes <= 59 else { return nil }
        return .some(sign * (hours * 3600 + minutes * 60))
    }
}
