import Foundation
import Yams

/// Reads canonical fields from one posting's front matter, falling back to the config's
/// defaults, and records a diagnostic at the key's line for every value it cannot use.
struct FieldReader {
    let frontMatter: Node.Mapping
    /// The front matter's values by key: `Node.Mapping`'s own subscript scans every pair and
    /// resolves YAML tags to compare keys, which dominated profiles.
    let values: [String: Node]
    let config: Config
    let source: YAMLSource
    let dates: DateParser
    private(set) var diagnostics: [Diagnostic] = []

    init(frontMatter: Node.Mapping, config: Config, source: YAMLSource) {
        self.frontMatter = frontMatter
        var values: [String: Node] = [:]
        for (key, value) in frontMatter {
            if let name = key.scalarText { values[name] = value }
        }
        self.values = values
        self.config = config
        self.source = source
        self.dates = DateParser(timeZone: config.timeZone)
    }

    /// The key as written in this site's front matter.
    func key(_ field: PostingField) -> String { config.sourceKey(for: field) }

    /// The field's node: the posting's own value, else the config default.
    func node(_ field: PostingField) -> Node? {
        if let own = values[key(field)], !own.isNull { return own }
        return config.defaults[field]
    }

    func location(_ field: PostingField) -> SourceLocation {
        if let own = values[key(field)] { return source.location(of: own) }
        return SourceLocation(file: source.file, line: source.lineOffset)
    }

    mutating func error(_ field: PostingField, _ message: String) {
        diagnostics.append(.error(message, at: location(field)))
    }

    mutating func warning(_ field: PostingField, _ message: String) {
        diagnostics.append(.warning(message, at: location(field)))
    }

    mutating func record(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    mutating func record(contentsOf more: [Diagnostic]) {
        diagnostics += more
    }

    /// A single text value; numbers and booleans are taken as their text.
    mutating func text(_ field: PostingField) -> String? {
        guard let node = node(field) else { return nil }
        guard let text = node.scalarText else {
            error(field, "'\(key(field))' must be a single value, not \(node.kindName)")
            return nil
        }
        let trimmed = text.trimmed
        return trimmed.isEmpty ? nil : trimmed
    }

    /// Text that a spreadsheet would run as a formula is neutralized in the CSV; say so, since
    /// it is more often a copy-paste accident (or an attack) than a real title.
    mutating func warnAboutFormulas(_ field: PostingField, _ text: String?) {
        guard let first = text?.unicodeScalars.first, CSVCell.formulaStarts.contains(first) else { return }
        warning(field, "'\(key(field))' starts with '\(first)', which spreadsheets run as a formula; the CSV export writes it with a leading apostrophe")
    }

    /// Text meant as words: YAML that reads as a number or a boolean gets a warning, since
    /// `title: 2024` or `title: yes` is rarely what the author meant.
    mutating func words(_ field: PostingField) -> String? {
        if let node = node(field), case let .scalar(scalar) = node, scalar.style == .plain {
            let isNumber = !scalar.string.isEmpty && scalar.string.allSatisfy { $0.isNumber || ".-+eE_".contains($0) } && Double(scalar.string) != nil
            if isNumber || node.boolValue != nil {
                warning(field, "'\(key(field))' reads as \(isNumber ? "a number" : "a yes/no value") ('\(scalar.string)'); quote it if that is the text you mean")
            }
        }
        return text(field)
    }

    mutating func list(_ field: PostingField) -> [String] {
        guard let node = node(field) else { return [] }
        guard let items = node.scalarList else {
            error(field, "'\(key(field))' must be a value or a list of values")
            return []
        }
        return items.map { $0.trimmed }.filter { !$0.isEmpty }
    }

    mutating func bool(_ field: PostingField, default fallback: Bool = false) -> Bool {
        guard let node = node(field) else { return fallback }
        guard let value = node.boolValue else {
            error(field, "'\(key(field))' must be true or false")
            return fallback
        }
        return value
    }

    mutating func number(_ field: PostingField) -> Double? {
        guard let text = text(field) else { return nil }
        let cleaned = text.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "_", with: "")
        guard let value = Double(cleaned), value.isFinite, value >= 0 else {
            error(field, "'\(key(field))' is not a number (expected digits such as 85000 or 42.50)")
            return nil
        }
        return value
    }

    mutating func date(_ field: PostingField, boundary: DateParser.Boundary = .startOfDay) -> Timestamp? {
        guard let text = text(field) else { return nil }
        guard let date = dates.parse(text, boundary: boundary) else {
            error(field, "'\(key(field))' is not a date: '\(text)' (\(DateParser.expectation))")
            return nil
        }
        return date
    }
}

extension Node {
    var isNull: Bool {
        guard case let .scalar(scalar) = self else { return false }
        return scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }
}

