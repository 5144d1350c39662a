import Foundation

/// An instant in whole seconds since 1970 UTC, with whether the source gave only a calendar date.
///
/// Whole seconds keep every output deterministic; formatting is done here with calendar
/// arithmetic rather than `DateFormatter`, which is slow on Linux and not safe to share.
public struct Timestamp: Sendable, Hashable, Comparable {
    public var seconds: Int64
    /// True when the source said only `YYYY-MM-DD`.
    public var isDateOnly: Bool

    public init(seconds: Int64, isDateOnly: Bool = false) {
        self.seconds = seconds
        self.isDateOnly = isDateOnly
    }

    public init(_ date: Date) {
        self.init(seconds: Int64(date.timeIntervalSince1970.rounded(.down)))
    }

    public var date: Date { Date(timeIntervalSince1970: TimeInterval(seconds)) }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        lhs.seconds < rhs.seconds
    }
}

/// A calendar date and wall-clock time, with the conversions jobfeed needs.
package struct CivilDateTime: Sendable, Hashable {
    package var year: Int
    package var month: Int
    package var day: Int
    package var hour = 0
    package var minute = 0
    package var second = 0

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    package var daysSinceEpoch: Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = Int64(month > 2 ? month - 3 : month + 9)
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Seconds since the epoch, reading this wall-clock time as UTC.
    package var secondsAsUTC: Int64 {
        daysSinceEpoch * 86_400 + Int64(hour * 3600 + minute * 60 + second)
    }

    package init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        (self.year, self.month, self.day) = (year, month, day)
        (self.hour, self.minute, self.second) = (hour, minute, second)
    }

    /// The wall-clock time of `seconds` at a fixed offset from UTC.
    package init(seconds: Int64, offset: Int = 0) {
        let local = seconds + Int64(offset)
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let secondOfDay = Int(local - days * 86_400)
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = Int(dayOfYear - (153 * shiftedMonth + 2) / 5 + 1)
        let month = Int(shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9)
        let year = Int(yearOfEra + era * 400) + (month <= 2 ? 1 : 0)
        self.init(year: year, month: month, day: day, hour: secondOfDay / 3600,
                  minute: secondOfDay % 3600 / 60, second: secondOfDay % 60)
    }

    /// 0 = Sunday.
    package var weekday: Int {
        let days = daysSinceEpoch
        return Int(((days % 7) + 11) % 7)
    }

    package static func daysInMonth(_ month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    package var isValid: Bool {
        (1...12).contains(month) && day >= 1 && day <= Self.daysInMonth(month, year: year)
            && (0...23).contains(hour) && (0...59).contains(minute) && (0...60).contains(second)
    }
}

extension CivilDateTime {
    /// This wall-clock time in `zone`, in seconds since 1970 UTC, honouring daylight saving.
    package func secondsAsUTC(wallClockIn zone: TimeZone) -> Int64 {
        let wall = secondsAsUTC
        let guess = wall - Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(wall))))
        return wall - Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(guess))))
    }
}
