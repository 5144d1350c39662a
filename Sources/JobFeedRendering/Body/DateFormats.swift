import Foundation
import JobFeedCore

/// The date formats feeds and JSON-LD need, written by hand for speed and determinism.
public enum DateFormats {
    private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// RFC 822 as RSS 2.0 wants it, in UTC: `Mon, 05 Jan 2026 14:00:00 +0000`.
    package static func rfc822(_ time: Timestamp) -> String {
        let c = CivilDateTime(seconds: time.seconds)
        return "\(weekdays[c.weekday]), \(pad(c.day)) \(months[c.month - 1]) \(c.year) "
            + "\(pad(c.hour)):\(pad(c.minute)):\(pad(c.second)) +0000"
    }

    /// RFC 3339 in UTC, as Atom wants it: `2026-01-05T14:00:00Z`.
    public static func rfc3339(_ time: Timestamp) -> String {
        let c = CivilDateTime(seconds: time.seconds)
        guard (0...9999).contains(c.year) else { return "\(date(c))T\(pad(c.hour)):\(pad(c.minute)):\(pad(c.second))Z" }
        // Digit by digit into its 20 bytes: interpolated, each field was a string of its own,
        // for every job of Indeed's feed on every build.
        return String(unsafeUninitializedCapacity: 20) { buffer in
            var index = 0
            func put(_ value: Int, digits: Int, then separator: Character) {
                var value = value
                for place in stride(from: index + digits - 1, through: index, by: -1) {
                    buffer[place] = UInt8(ascii: "0") + UInt8(value % 10)
                    value /= 10
                }
                buffer[index + digits] = separator.asciiValue!
                index += digits + 1
            }
            put(c.year, digits: 4, then: "-")
            put(c.month, digits: 2, then: "-")
            put(c.day, digits: 2, then: "T")
            put(c.hour, digits: 2, then: ":")
            put(c.minute, digits: 2, then: ":")
            put(c.second, digits: 2, then: "Z")
            return index
        }
    }

    /// ISO 8601 in the site's zone for JSON-LD: a bare date stays a bare date, else with offset.
    package static func iso8601(_ time: Timestamp, in zone: TimeZone) -> String {
        let offset = zone.secondsFromGMT(for: time.date)
        let c = CivilDateTime(seconds: time.seconds, offset: offset)
        if time.isDateOnly && c.hour == 0 && c.minute == 0 && c.second == 0 { return date(c) }
        let sign = offset < 0 ? "-" : "+"
        let magnitude = abs(offset)
        return "\(date(c))T\(pad(c.hour)):\(pad(c.minute)):\(pad(c.second))\(sign)\(pad(magnitude / 3600)):\(pad(magnitude % 3600 / 60))"
    }

    /// The calendar date in the site's zone, for CSV.
    package static func calendarDate(_ time: Timestamp, in zone: TimeZone) -> String {
        date(CivilDateTime(seconds: time.seconds, offset: zone.secondsFromGMT(for: time.date)))
    }

    private static func date(_ c: CivilDateTime) -> String {
        let year = String(c.year)
        return String(repeating: "0", count: max(0, 4 - year.count)) + year + "-\(pad(c.month))-\(pad(c.day))"
    }

    private static func pad(_ value: Int) -> String {
        value < 10 ? "0\(value)" : String(value)
    }
}
