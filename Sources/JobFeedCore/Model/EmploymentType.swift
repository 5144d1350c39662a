import Foundation

/// Google's `employmentType` values.
public enum EmploymentType: String, Sendable, Hashable, CaseIterable {
    case fullTime = "FULL_TIME"
    case partTime = "PART_TIME"
    case contractor = "CONTRACTOR"
    case temporary = "TEMPORARY"
    case intern = "INTERN"
    case volunteer = "VOLUNTEER"
    case perDiem = "PER_DIEM"
    case other = "OTHER"

    /// Human forms in English and French, normalized (lowercase, spaces and hyphens as `_`).
    private static let humanForms: [String: EmploymentType] = [
        "full_time": .fullTime, "fulltime": .fullTime, "permanent": .fullTime, "temps_plein": .fullTime,
        "part_time": .partTime, "parttime": .partTime, "temps_partiel": .partTime,
        "contract": .contractor, "contractor": .contractor, "contractuel": .contractor, "contrat": .contractor,
        "temporary": .temporary, "temp": .temporary, "term": .temporary, "temporaire": .temporary,
        "intern": .intern, "internship": .intern, "stage": .intern, "stagiaire": .intern, "co_op": .intern,
        "volunteer": .volunteer, "bénévole": .volunteer, "benevole": .volunteer,
        "per_diem": .perDiem, "other": .other, "autre": .other,
    ]

    /// Reads Google's value in any case, or a human form such as "Full-time" or "temps plein".
    public init?(text: String) {
        // As most sites write it: no trimming, case folding or replacing to do.
        if let value = EmploymentType(rawValue: text) {
            self = value
            return
        }
        let key = Self.normalize(text)
        if let value = EmploymentType(rawValue: key.uppercased()) ?? Self.humanForms[key] {
            self = value
        } else {
            return nil
        }
    }

    /// Trimmed, lowercased, `-` and spaces as `_`: scalar by scalar, since Foundation's
    /// `replacingOccurrences` went through `NSString` for every posting's types.
    package static func normalize(_ text: String) -> String {
        var normalized = String.UnicodeScalarView()
        for scalar in text.trimmed.lowercased().unicodeScalars {
            normalized.append(scalar == "-" || scalar == " " ? "_" : scalar)
        }
        return String(normalized)
    }

    package static var suggestions: [String] { allCases.map(\.rawValue) + humanForms.keys.sorted() }
}
