import Foundation
import JobFeedCore

/// Dates as people write them, in English and French, with or without a weekday, a time and a
/// zone: `July 19, 2021 at 9:00am EDT`, `June 8, 2018, 8:00pm EDT`, `Dec 15, 2026`,
/// `Monday, 15 December 2026`, `19 juillet 2021 à 9 h`, `1er mars 2026 à 17 h 30`, RFC 2822's
/// `Mon, 19 Jul 2021 09:00:00 -0400`, `2021-07-19 9:00am`.
/// A zone is an abbreviation (`EDT`, `PST`: fixed offsets), a region (`ET`, `PT`: that
/// region's offset on the day), `UTC`/`GMT`/`Z`, or an offset (`-04:00`); without one, the
/// time is the site's wall-clock time.
package struct ProseDate {
    package let timeZone: TimeZone

    package static let months: [String: Int] = {
        var months: [String: Int] = [:]
        let english = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
        let french = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]
        for (index, name) in english.enumerated() {
            months[name] = index + 1
            months[String(name.prefix(3))] = index + 1
        }
        for (index, name) in french.enumerated() {
            months[name] = index + 1
            months[name.folding(options: .diacriticInsensitive, locale: nil)] = index + 1
        }
        for (name, month) in ["sept": 9, "janv": 1, "févr": 2, "fevr": 2, "avr": 4, "juil": 7, "déc": 12] { months[name] = month }
        return months
    }()

    package static let weekdays: Set<String> = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                                        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
                                        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
    package static let fillers: Set<String> = ["at", "à", "a", "on", "le", "the", "of", "de", "by", "before", "avant"]

    /// Fixed offsets of the abbreviations North American postings use, in hours.
    package static let fixedZones: [String: Int] = [
        "utc": 0, "gmt": 0, "z": 0, "est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7, "mdt": -6, "pst": -8, "pdt": -7,
        "akst": -9, "akdt": -8, "hst": -10, "ast": -4, "adt": -3, "hne": -5, "hae": -4, "hnc": -6, "hac": -5, "hnr": -7, "har": -6, "hnp": -8, "hap": -7,
    ]
    /// Region zones, whose offset depends on the day.
    package static let regionZones: [String: String] = ["et": "America/New_York", "ct": "America/Chicago", "mt": "America/Denver", "pt": "America/Los_Angeles",
                                                "he": "America/Toronto", "hp": "America/Vancouver"]

    /// The moment, and whether the text gave only a day.
    package func parse(_ text: String) -> (seconds: Int64, dateOnly: Bool, day: CivilDateTime)? {
        var tokens = Self.tokens(text)
        tokens.removeAll { Self.weekdays.contains($0.trimmingCharacters(in: .punctuationCharacters)) || Self.fillers.contains($0) }
        var day: Int?
        var month: Int?
        var year: Int?
        var index = 0
        // The date: month-name day year, day month-name year, or an ISO day (`2021-07-19 9:00am`).
        while index < tokens.count, year == nil {
            let token = tokens[index]
            if index == 0, let iso = DateParser.isoDay(token) {
                (year, month, day) = (iso.year, iso.month, iso.day)
            } else if let found = Self.months[token.trimmingCharacters(in: CharacterSet(charactersIn: "."))], month == nil {
                month = found
            } else if let number = Self.dayNumber(token), day == nil, number <= 31, token.count <= 4 {
                day = number
            } else if token.count == 4, let number = Int(token), (1900...2200).contains(number), month != nil, day != nil {
                year = number
            } else {
                return nil
            }
            index += 1
        }
        guard let day, let month, let year else { return nil }
        var civil = CivilDateTime(year: year, month: month, day: day)
        guard civil.isValid else { return nil }
        let rest = Array(tokens[index...])
        guard !rest.isEmpty else { return (wallToUTC(civil, in: timeZone), true, civil) }
        guard let (time, used) = Self.time(rest), time.hour < 24, time.minute < 60, time.second < 60 else { return nil }
        (civil.hour, civil.minute, civil.second) = (time.hour, time.minute, time.second)
        let zone = Array(rest[used...])
        switch zone.count {
        case 0:
            return (wallToUTC(civil, in: timeZone), false, civil)
        case 1:
            if let hours = Self.fixedZones[zone[0]] { return (civil.secondsAsUTC - Int64(hours * 3600), false, civil) }
            if let name = Self.regionZones[zone[0]], let region = TimeZone(identifier: name) { return (wallToUTC(civil, in: region), false, civil) }
            if let offset = Self.offset(zone[0]) { return (civil.secondsAsUTC - Int64(offset), false, civil) }
            return nil
        default:
            return nil
        }
    }

    /// Lower-cased words and numbers; commas and parentheses separate, `am`/`pm` split off.
    private static func tokens(_ text: String) -> [String] {
        let separated = text.lowercased().replacingOccurrences(of: ",", with: " ").replacingOccurrences(of: "(", with: " ")
            .replacingOccurrences(of: ")", with: " ").replacingOccurrences(of: "\u{00A0}", with: " ").replacingOccurrences(of: "\u{202F}", with: " ")
        return separated.split(whereSeparator: \.isWhitespace).map(String.init)
    }

    /// `19`, `1er`, `1st`, `22nd`, `3rd`, `4th`.
    private static func dayNumber(_ token: String) -> Int? {
        var digits = token
        for suffix in ["er", "re", "st", "nd", "rd", "th"] where digits.hasSuffix(suffix) {
            digits = String(digits.dropLast(suffix.count))
            break
        }
        guard !digits.isEmpty, digits.allSatisfy(\.isNumber) else { return nil }
        return Int(digits)
    }

    /// `9:00am`, `9am`, `9:00 am`, `17:00`, `09:00:00` (as RFC 2822 dates write it), `9 h`,
    /// `9 h 30`, `9h30`, `noon`, `midi`; and how many tokens it took.
    private static func time(_ tokens: [String]) -> ((hour: Int, minute: Int, second: Int), Int)? {
        if tokens[0] == "noon" || tokens[0] == "midi" { return ((12, 0, 0), 1) }
        var used = 1
        var text = tokens[0]
        // `9 h 30`, `9 h`, `9 am`: the unit in the next tokens.
        if tokens.count > used, ["h", "am", "pm", "a.m.", "p.m."].contains(tokens[used]) {
            text += tokens[used]
            used += 1
            if text.hasSuffix("h"), tokens.count > used, tokens[used].count <= 2, tokens[used].allSatisfy(\.isNumber) {
                text += tokens[used]
                used += 1
            }
        }
        text = text.replacingOccurrences(of: ".", with: "")
        var meridiem: String?
        for suffix in ["am", "pm"] where text.hasSuffix(suffix) {
            meridiem = suffix
            text = String(text.dropLast(2))
        }
        let parts = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == ":" || $0 == "h" }).map(String.init)
        guard let first = parts.first, !first.isEmpty, first.count <= 2, var hour = Int(first) else { return nil }
        let minute = parts.count > 1 && !parts[1].isEmpty ? Int(parts[1]) : 0
        // Seconds only after a colon-separated minute (`09:00:00`), never in `9 h 30`.
        var second: Int? = 0
        if parts.count == 3 { second = parts[2].count == 2 && !text.contains("h") ? Int(parts[2]) : nil }
        guard let minute, let second, parts.count <= 3 else { return nil }
        if let meridiem {
            guard (1...12).contains(hour) else { return nil }
            if meridiem == "pm" && hour != 12 { hour += 12 }
            if meridiem == "am" && hour == 12 { hour = 0 }
        } else if parts.count == 1 && !text.hasSuffix("h") && !tokens[0].hasSuffix("h") && tokens.count < 2 {
            return nil
        }
        return ((hour, minute, second), used)
    }

    /// `-04:00`, `+0530`, `utc-4`.
    private static func offset(_ token: String) -> Int? {
        var text = token
        for prefix in ["utc", "gmt"] where text.hasPrefix(prefix) { text = String(text.dropFirst(3)) }
        guard let sign = text.first, sign == "+" || sign == "-" else { return nil }
        let digits = text.dropFirst().replacingOccurrences(of: ":", with: "")
        guard digits.allSatisfy(\.isNumber), let value = Int(digits) else { return nil }
        let (hours, minutes) = digits.count <= 2 ? (value, 0) : (value / 100, value % 100)
        guard hours <= 14, minutes < 60 else { return nil }
        return (sign == "-" ? -1 : 1) * (hours * 3600 + minutes * 60)
    }

    private func wallToUTC(_ civil: CivilDateTime, in zone: TimeZone) -> Int64 {
        civil.secondsAsUTC(wallClockIn: zone)
    }
}
