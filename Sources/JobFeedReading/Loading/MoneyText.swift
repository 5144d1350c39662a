import JobFeedCore

/// An amount of money as people write it: `$128,078`, `128 078 $`, `142,701`, `CAD 90k`,
/// `€45.50/hour`, `128 078,50 $`. The currency comes from a code (`CAD`) or an unambiguous
/// symbol (`€`, `£`, `CA$`, `US$`); a bare `$` is noted, since it needs the country to decide.
package struct MoneyText: Equatable {
    package var amount: Double
    package var currency: String?
    /// A bare `$`: dollars of the posting's country.
    package var isDollar = false
    /// A unit named with the amount (`/hour`, `per year`, `par année`).
    package var unit: Salary.Unit?

    package static let symbols: [(String, String)] = [("CA$", "CAD"), ("C$", "CAD"), ("US$", "USD"), ("AU$", "AUD"), ("A$", "AUD"), ("NZ$", "NZD"),
                                              ("€", "EUR"), ("£", "GBP"), ("¥", "JPY"), ("₹", "INR"), ("CHF", "CHF")]
    package static let unitWords: [(String, Salary.Unit)] = [
        ("/hour", .hour), ("/hr", .hour), ("/h", .hour), ("per hour", .hour), ("an hour", .hour), ("hourly", .hour), ("de l'heure", .hour), ("l'heure", .hour),
        ("/day", .day), ("per day", .day), ("daily", .day), ("par jour", .day), ("/jour", .day),
        ("/week", .week), ("per week", .week), ("weekly", .week), ("par semaine", .week),
        ("/month", .month), ("per month", .month), ("monthly", .month), ("par mois", .month), ("/mois", .month),
        ("/year", .year), ("/yr", .year), ("per year", .year), ("a year", .year), ("annually", .year), ("per annum", .year), ("annual", .year),
        ("par année", .year), ("par an", .year), ("/an", .year), ("annuel", .year),
        ("per hr", .hour), ("par heure", .hour), ("/heure", .hour), ("a day", .day), ("/wk", .week), ("a week", .week),
        ("/mo", .month), ("a month", .month), ("yearly", .year), ("p.a.", .year), ("/annum", .year),
    ]
    /// Words before an amount that give only one end of a range: `From $80,000`, `Up to 90k`.
    package static let lowerBoundWords = ["from ", "starting at ", "starting from ", "à partir de ", "a partir de ", "dès "]
    package static let upperBoundWords = ["up to ", "jusqu'à ", "jusqu’à ", "au plus "]

    /// One amount; nil when the text holds no number, or more than one.
    package static func parse(_ text: String) -> MoneyText? {
        var rest = text.trimmed
        var currency: String?
        var isDollar = false
        var unit: Salary.Unit?
        let lowered = rest.lowercased()
        // Every unit word and currency symbol holds a letter or a non-ASCII character, so a plain
        // amount (`60000`, `$128,078`) skips their 43 searches, which a cold build felt.
        if rest.containsUTF8Byte(where: { $0 >= 0x80 || $0.isASCIILetter }) {
            for (word, found) in unitWords where lowered.hasSuffix(word) || lowered.contains(word + " ") {
                unit = found
                rest = String(rest[..<(rest.lowercased().range(of: word)?.lowerBound ?? rest.endIndex)])
                break
            }
            for (symbol, code) in symbols where rest.contains(symbol) {
                currency = code
                rest = rest.replacingOccurrences(of: symbol, with: " ")
                break
            }
        }
        for word in rest.split(whereSeparator: { !$0.isLetter }) where word.count == 3 && word.allSatisfy(\.isUppercase) {
            if Currency.isKnown(String(word)) {
                currency = String(word)
                rest = rest.replacingOccurrences(of: String(word), with: " ")
            }
        }
        if rest.containsUTF8Byte(where: { $0 == UInt8(ascii: "$") }) {
            isDollar = currency == nil
            rest = rest.replacingOccurrences(of: "$", with: " ")
        }
        var multiplier = 1.0
        let compact = rest.filter { !$0.isWhitespace && $0 != "'" && $0 != "_" }
        var digits = compact
        if let last = digits.last, "kK".contains(last) {
            multiplier = 1000
            digits.removeLast()
        } else if digits.hasSuffix("M") {
            multiplier = 1_000_000
            digits.removeLast()
        }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isNumber || $0 == "," || $0 == "." }), digits.first!.isNumber,
              let value = number(digits) else { return nil }
        return MoneyText(amount: value * multiplier, currency: currency, isDollar: isDollar, unit: unit)
    }

    /// A range (`$90k – $120k`, `de 90 000 $ à 120 000 $`), one amount as both ends, or one end
    /// (`From $80,000`, `Up to $90,000 a year`): at least one end is there.
    package static func parseRange(_ text: String) -> (low: MoneyText?, high: MoneyText?)? {
        // Digits, separators, `$` and spaces (`72000`, `$128,078`, `128 078 $`) hold no bound
        // word and no range's separator: one amount, found without the searches below.
        if !text.containsUTF8Byte(where: { !($0.isASCIIDigit || $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "$") || $0 == UInt8(ascii: " ")) }) {
            return parse(text).map { ($0, $0) }
        }
        let lowered = text.trimmed.lowercased()
        for (words, isLower) in [(lowerBoundWords, true), (upperBoundWords, false)] {
            guard let word = words.first(where: lowered.hasPrefix) else { continue }
            let rest = String(text.trimmed.dropFirst(word.count))
            // `From $80,000 to $90,000` is a whole range after all.
            guard let amount = parse(rest) else { return parseRange(rest) }
            return isLower ? (amount, nil) : (nil, amount)
        }
        for separator in [" - ", "–", "—", " to ", " à ", "-"] {
            let parts = text.components(separatedBy: separator)
            guard parts.count == 2, var low = parse(parts[0].replacingOccurrences(of: "de ", with: "")), var high = parse(parts[1]) else { continue }
            low.currency = low.currency ?? high.currency
            high.currency = high.currency ?? low.currency
            low.unit = low.unit ?? high.unit
            high.unit = high.unit ?? low.unit
            low.isDollar = low.isDollar || high.isDollar
            return (low, high)
        }
        return parse(text).map { ($0, $0) }
    }

    /// Digits with `,` and `.` as a reader would take them: the last separator is the decimal
    /// one unless exactly three digits follow it and it is a `,` (or a `.` that also appears
    /// earlier): `142,701` and `1.234.567` are thousands; `128078,50` and `42.50` have cents.
    private static func number(_ text: String) -> Double? {
        guard let last = text.lastIndex(where: { $0 == "," || $0 == "." }) else { return Double(text) }
        let separator = text[last]
        let after = text[text.index(after: last)...]
        let repeated = text[..<last].contains(separator)
        let isThousands = after.count == 3 && (separator == "," || repeated) && !(separator == "," && text[..<last].contains("."))
        if isThousands { return Double(text.filter(\.isNumber)) }
        let whole = text[..<last].filter(\.isNumber)
        return Double(whole + "." + after)
    }
}
