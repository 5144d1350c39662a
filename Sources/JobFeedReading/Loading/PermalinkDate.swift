import Foundation
import JobFeedCore

/// The parts of a page's date that Hugo's and Jekyll's permalink tokens name (`:year`,
/// `:monthname`, `:i_day`…), in the site's time zone, with English month and day names.
package struct PermalinkDate {
    /// The date tokens of Hugo's permalinks, each a placeholder of the same name.
    package static let hugoTokens = ["year", "month", "day", "monthname", "weekday", "weekdayname", "yearday"]
    /// The date tokens of Jekyll's permalinks, each a placeholder of the same name.
    package static let jekyllTokens = ["year", "short_year", "month", "i_month", "short_month", "long_month", "day", "i_day", "y_day",
                                       "short_day", "long_day", "hour", "minute", "second"]

    /// The date tokens a generator's permalinks name, and the keys it takes a page's date from
    /// (Hugo's `.Date`: `date`, else `publishDate`, else `lastmod`; Jekyll's `date`, else the
    /// file name's, which is the posting's own date then).
    package static func tokens(for conventions: SiteConventions) -> (names: [String], dateKeys: [String]) {
        switch conventions {
        case .hugo: return (hugoTokens, ["date", "publishDate", "lastmod"])
        case .jekyll: return (jekyllTokens, ["date"])
        case .none: return ([], [])
        }
    }

    private let calendar: Calendar
    private let moment: Date
    private let parts: DateComponents

    package init(_ timestamp: Timestamp, timeZone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        calendar.locale = Locale(identifier: "en_US_POSIX")
        self.calendar = calendar
        moment = Date(timeIntervalSince1970: TimeInterval(timestamp.seconds))
        parts = calendar.dateComponents([.year, .month, .day, .weekday, .hour, .minute, .second], from: moment)
    }

    /// The page's date as the generator reads it: the first of `keys` that is a date, else
    /// the posting's own date.
    package init(reading keys: [String], from reader: FieldReader, else posting: Posting) {
        let written = keys.lazy.compactMap { reader.raw($0)?.scalarText }.compactMap { reader.dates.parse($0) }.first
        self.init(written ?? posting.datePosted, timeZone: reader.config.timeZone)
    }

    package func part(_ name: String) -> String? {
        guard let year = parts.year, let month = parts.month, let day = parts.day, let weekday = parts.weekday else { return nil }
        switch name {
        case "year": return String(format: "%04d", year)
        case "short_year": return String(format: "%02d", year % 100)
        case "month": return String(format: "%02d", month)
        case "i_month": return String(month)
        case "day": return String(format: "%02d", day)
        case "i_day": return String(day)
        case "hour": return parts.hour.map { String(format: "%02d", $0) }
        case "minute": return parts.minute.map { String(format: "%02d", $0) }
        case "second": return parts.second.map { String(format: "%02d", $0) }
        case "monthname": return calendar.monthSymbols[month - 1].lowercased()
        case "long_month": return calendar.monthSymbols[month - 1]
        case "short_month": return calendar.shortMonthSymbols[month - 1]
        case "weekday": return String(weekday - 1)
        case "weekdayname": return calendar.weekdaySymbols[weekday - 1].lowercased()
        case "long_day": return calendar.weekdaySymbols[weekday - 1]
        case "short_day": return calendar.shortWeekdaySymbols[weekday - 1]
        case "yearday": return calendar.ordinality(of: .day, in: .year, for: moment).map(String.init)
        case "y_day": return calendar.ordinality(of: .day, in: .year, for: moment).map { String(format: "%03d", $0) }
        default: return nil
        }
    }
}
