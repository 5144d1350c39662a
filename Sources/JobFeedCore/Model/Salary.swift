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

        /// Reads `YEAR`, `year`, `yearly`, `annual`, `per hour`, `hourly`, `heure`, `an`…
        public init?(text: String) {
            let word = text.lowercased().replacingOccurrences(of: "per ", with: "")
                .replacingOccurrences(of: "par ", with: "").trimmed
            let forms: [Unit: Set<String>] = [
                .hour: ["hour", "hourly", "hr", "h", "heure", "horaire"],
                .day: ["day", "daily", "jour", "journalier"],
                .week: ["week", "weekly", "semaine", "hebdomadaire"],
                .month: ["month", "monthly", "mois", "mensuel"],
                .year: ["year", "yearly", "annual", "annually", "yr", "an", "année", "annuel"],
            ]
            guard let unit = forms.first(where: { $0.value.contains(word) })?.key else { return nil }
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
