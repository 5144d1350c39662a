import Foundation

/// Base pay as Google's `MonetaryAmount`: a range or a single value, per unit of time.
public struct Salary: Sendable, Hashable {
    public var minimum: Double?
    public var maximum: Double?
    /// ISO 4217 code, e.g. `CAD`.
    public var currency: String
    public var unit: Unit

    public enum Unit: String, Sendable, Hashable, CaseIterable {
        case hour = "HOUR"
        case day = "DAY"
        case week = "WEEK"
        case month = "MONTH"
        case year = "YEAR"

        /// Each word for a unit, lowercased, in English and French.
        private static let words: [String: Unit] = [
            "hour": .hour, "hourly": .hour, "hr": .hour, "h": .hour, "heure": .hour, "horaire": .hour,
            "day": .day, "daily": .day, "jour": .day, "journalier": .day,
            "week": .week, "weekly": .week, "semaine": .week, "hebdomadaire": .week,
            "month": .month, "monthly": .month, "mois": .month, "mensuel": .month,
            "year": .year, "yearly": .year, "annual": .year, "annually": .year, "yr": .year, "an": .year, "année": .year, "annuel": .year,
        ]

        /// Reads `YEAR`, `year`, `yearly`, `annual`, `per hour`, `hourly`, `heure`, `an`…
        public init?(text: String) {
            // Schema.org's own spelling, as most sites write it: no lowering, no searching.
            if let unit = Unit(rawValue: text) {
                self = unit
                return
            }
            let word = text.lowercased().replacingOccurrences(of: "per ", with: "")
                .replacingOccurrences(of: "par ", with: "").trimmed
            guard let unit = Self.words[word] else { return nil }
            self = unit
        }
    }

    package init(minimum: Double? = nil, maximum: Double? = nil, currency: String, unit: Unit) {
        self.minimum = minimum
        self.maximum = maximum
        self.currency = currency
        self.unit = unit
    }
}
