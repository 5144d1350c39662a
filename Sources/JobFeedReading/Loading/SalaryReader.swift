import Foundation
import JobFeedCore
import Yams

/// Reads base pay from `salary: 85000`, `salary: {min, max, currency, unit}`, or the flat
/// `salaryMin`, `salaryMax`, `salaryCurrency` and `salaryUnit` fields. Amounts may be written as
/// people write them (`$128,078`, `128 078 $`, `CAD 90k – 120k`, `$45/hour`): a currency code or
/// symbol in them counts when `salaryCurrency` says nothing, a bare `$` is the dollar of the
/// posting's country, and a unit in them counts when `salaryUnit` says nothing.
package enum SalaryReader {
    package static let nestedKeys = ["min", "max", "value", "currency", "unit"]
    package static let dollarCountries = ["CA": "CAD", "US": "USD", "AU": "AUD", "NZ": "NZD", "SG": "SGD", "HK": "HKD",
                                  "CANADA": "CAD", "UNITED STATES": "USD", "USA": "USD", "AUSTRALIA": "AUD"]

    package static func read(_ reader: inout FieldReader, country: String?) -> Salary? {
        let low = reader.money(.salaryMin)
        let high = reader.money(.salaryMax)
        var minimum = (low?.low ?? low?.high)?.amount
        var maximum = (high?.high ?? high?.low)?.amount
        var written = [low?.low ?? low?.high, high?.high ?? high?.low].compactMap { $0 }
        var currency = reader.text(.salaryCurrency)
        var unitText = reader.text(.salaryUnit)
        switch reader.node(.salary) {
        case .scalar?:
            let range = reader.money(.salary)
            minimum = minimum ?? range?.low?.amount
            maximum = maximum ?? range?.high?.amount
            written += [range?.low, range?.high].compactMap { $0 }
        case let .mapping(mapping)?:
            for (key, _) in mapping where !nestedKeys.contains(key.scalarText ?? "") {
                let name = key.scalarText ?? "?"
                reader.record(.error("unknown salary key '\(name)'; \(Suggestion.hint(for: name, in: nestedKeys))", at: reader.source(for: .salary).location(of: key)))
            }
            func number(_ key: String) -> Double? {
                guard let text = mapping[key]?.scalarText else { return nil }
                guard let money = MoneyText.parse(text), money.amount.isFinite else {
                    reader.record(.error("salary '\(key)' is not an amount: '\(text)'", at: reader.source(for: .salary).location(of: mapping[key])))
                    return nil
                }
                written.append(money)
                return money.amount
            }
            minimum = number("min") ?? number("value") ?? minimum
            maximum = number("max") ?? number("value") ?? maximum
            currency = mapping["currency"]?.scalarText ?? currency
            unitText = mapping["unit"]?.scalarText ?? unitText
        case let other?:
            reader.error(.salary, "'\(reader.key(.salary))' must be a number or a mapping of min, max, currency and unit, not \(other.kindName)")
        case nil:
            break
        }
        guard minimum != nil || maximum != nil else { return nil }
        if currency == nil { currency = written.lazy.compactMap(\.currency).first }
        if currency == nil, written.contains(where: \.isDollar), let country { currency = dollarCountries[country.uppercased()] }
        if unitText == nil { unitText = written.lazy.compactMap(\.unit).first?.rawValue }
        return check(&reader, minimum: minimum, maximum: maximum, currency: currency, unitText: unitText)
    }

    private static func check(_ reader: inout FieldReader, minimum: Double?, maximum: Double?, currency: String?, unitText: String?) -> Salary? {
        var valid = true
        if let minimum, let maximum, minimum > maximum {
            reader.error(.salary, "the salary minimum (\(minimum.plain)) is above the maximum (\(maximum.plain)); swap them")
            valid = false
        }
        let code = currency?.uppercased()
        if code == nil {
            reader.error(.salaryCurrency, "the salary has no currency; add 'salaryCurrency: CAD' (an ISO 4217 code)")
            valid = false
        } else if let code, !Currency.isKnown(code) {
            reader.error(.salaryCurrency, "unknown currency '\(currency ?? "")'; use an ISO 4217 code such as CAD, USD or EUR")
            valid = false
        }
        let unit = unitText.flatMap(Salary.Unit.init(text:))
        if unitText == nil {
            reader.error(.salaryUnit, "the salary has no unit; add 'salaryUnit: YEAR' (or HOUR, DAY, WEEK, MONTH)")
            valid = false
        } else if unit == nil {
            reader.error(.salaryUnit, "unknown salary unit '\(unitText ?? "")'; use one of HOUR, DAY, WEEK, MONTH, YEAR")
            valid = false
        }
        guard valid, let code, let unit else { return nil }
        return Salary(minimum: minimum, maximum: maximum, currency: code, unit: unit)
    }
}

package enum Currency {
    package static let codes: Set<String> = Set(Locale.commonISOCurrencyCodes)

    package static func isKnown(_ code: String) -> Bool {
        code.count == 3 && codes.contains(code)
    }
}
