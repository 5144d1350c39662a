import JobFeedCore

/// Jekyll's `slugify`, as its permalinks use it, so that a Jekyll site's postings link to the
/// pages Jekyll made: `:name` and `:slug` in its default mode (every run of characters other
/// than letters, marks and decimal digits one hyphen, a hyphen at either end dropped, lower
/// case), `:title` in its pretty mode with the case kept (`._~!$&'()+,;=@` kept as well).
package enum JekyllSlug {
    private static let prettyKept: Set<Unicode.Scalar> = [".", "_", "~", "!", "$", "&", "'", "(", ")", "+", ",", ";", "=", "@"]

    package static func slugify(_ text: String, pretty: Bool = false, cased: Bool = false) -> String {
        var slug = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isKept(scalar) || pretty && prettyKept.contains(scalar) {
                slug.append(scalar)
            } else if slug.last != "-" {
                slug.append("-")
            }
        }
        var result = Substring(String(slug))
        if result.hasPrefix("-") { result = result.dropFirst() }
        if result.hasSuffix("-") { result = result.dropLast() }
        return cased ? String(result) : result.lowercased()
    }

    private static func isKept(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber:
            return true
        default:
            return false
        }
    }
}
