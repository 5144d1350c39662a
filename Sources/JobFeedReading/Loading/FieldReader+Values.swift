import Foundation
import JobFeedCore
import Yams

/// A field read as the kind of value it holds (text, words, a list, a yes/no, an amount, a
/// date), with an error or a warning recorded where the value is not one.
extension FieldReader {
    /// A single text value; numbers and booleans are taken as their text. A placeholder
    /// (`tbd`) where a date, amount or URL belongs is no value, with a warning; a field with a
    /// value map gives the mapped value.
    package mutating func text(_ field: PostingField) -> String? {
        guard let node = node(field) else { return nil }
        guard let text = node.scalarText else {
            error(field, "'\(key(field))' must be a single value, not \(node.kindName)")
            return nil
        }
        let trimmed = text.trimmed
        if trimmed.isEmpty { return nil }
        if Self.placeholderFields.contains(field), config.placeholders.contains(trimmed.lowercased()) {
            warning(field, "'\(key(field))' is '\(trimmed)', a placeholder: read as not given yet")
            return nil
        }
        return mapped(field, trimmed)
    }

    /// The site's word mapped to jobfeed's, when the field has a value map.
    private mutating func mapped(_ field: PostingField, _ value: String) -> String? {
        guard let map = config.source(for: field).values else { return value }
        if let meaning = map[value.lowercased()] { return meaning }
        warning(field, "'\(key(field))' is '\(value)', which the config does not map; known values: \(map.keys.sorted().joined(separator: ", "))")
        return nil
    }

    /// Text that a spreadsheet would run as a formula is neutralized in the CSV; say so, since
    /// it is more often a copy-paste accident (or an attack) than a real title.
    package mutating func warnAboutFormulas(_ field: PostingField, _ text: String?) {
        guard let first = text?.unicodeScalars.first, SpreadsheetFormula.starts.contains(first) else { return }
        warning(field, "'\(key(field))' starts with '\(first)', which spreadsheets run as a formula; the CSV export writes it with a leading apostrophe")
    }

    /// Text meant as words: YAML that reads as a number or a boolean gets a warning, since
    /// `title: 2024` or `title: yes` is rarely what the author meant.
    package mutating func words(_ field: PostingField) -> String? {
        if let node = node(field), case let .scalar(scalar) = node, scalar.style == .plain {
            let isNumber = !scalar.string.isEmpty && scalar.string.allSatisfy { $0.isNumber || ".-+eE_".contains($0) } && Double(scalar.string) != nil
            if isNumber || node.boolValue != nil {
                warning(field, "'\(key(field))' reads as \(isNumber ? "a number" : "a yes/no value") ('\(scalar.string)'); quote it if that is the text you mean")
            }
        }
        return text(field)
    }

    package mutating func list(_ field: PostingField) -> [String] {
        guard let node = node(field) else { return [] }
        guard let items = node.scalarList else {
            error(field, "'\(key(field))' must be a value or a list of values")
            return []
        }
        return items.map { $0.trimmed }.filter { !$0.isEmpty }.compactMap { mapped(field, $0) }
    }

    package mutating func bool(_ field: PostingField, default fallback: Bool = false) -> Bool {
        guard let node = node(field) else { return fallback }
        guard let value = node.boolValue else {
            error(field, "'\(key(field))' must be true or false")
            return fallback
        }
        return value
    }

    /// An amount, or a range of amounts, as written (`$128,078`, `128 078 $`, `CAD 90k – 120k`).
    package mutating func money(_ field: PostingField) -> (low: MoneyText?, high: MoneyText?)? {
        guard let text = text(field) else { return nil }
        guard let range = MoneyText.parseRange(text), range.low?.amount.isFinite != false, range.high?.amount.isFinite != false else {
            error(field, "'\(key(field))' is not an amount: '\(text)' (expected digits such as 85000, 42.50, $128,078 or 128 078 $)")
            return nil
        }
        return range
    }

    package mutating func date(_ field: PostingField, boundary: DateParser.Boundary = .startOfDay) -> Timestamp? {
        guard let text = text(field) else { return nil }
        guard let date = dates.parse(text, boundary: boundary) else {
            error(field, "'\(key(field))' is not a date: '\(text)' (\(DateParser.expectation))")
            return nil
        }
        return date
    }
}
