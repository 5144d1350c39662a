/// The canonical front-matter fields jobfeed understands.
///
/// Sites name their fields differently; `fields:` in the config maps a canonical name to the
/// key a site uses, and `defaults:` gives a value for any of them.
public enum PostingField: String, CaseIterable, Sendable {
    case title
    case description
    case date
    case updated
    case validThrough
    case archived
    case draft
    case employmentType
    case locations
    /// Places as text (`Washington, DC; Virtual (100% Remote)`), read through the gazetteer.
    case place
    case street
    case city
    case region
    case postalCode
    case country
    case remote
    case applicantCountries
    case salary
    case salaryMin
    case salaryMax
    case salaryCurrency
    case salaryUnit
    case identifier
    case directApply
    case applyUrl
    case category
    case lang
    case slug
    case translationKey
    /// A site's own status field, read only when `fields:` maps its values
    /// (`status: {from: state, values: {closed: archived, upcoming: draft, open: active}}`).
    case status

    public static let allNames: [String] = allCases.map(\.rawValue)
}
