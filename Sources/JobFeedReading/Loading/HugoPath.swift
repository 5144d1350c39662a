import Foundation
import JobFeedCore

/// A page's path as Hugo writes it (`MakePathSanitized`), so that a Hugo site's postings link
/// to the pages Hugo made: `Senior Designer (Ottawa).md` is `senior-designer-ottawa/`.
///
/// Checked against Hugo 0.111.3's output (`HugoPathTests`): whitespace becomes one hyphen, and
/// none next to a hyphen; letters, digits, marks, `. / \ _ # + ~ - @` and `%` before two hex
/// digits stay; every other character is dropped. Then `removePathAccents` drops accents and,
/// unless `disablePathToLower`, the whole is lower-cased.
package struct HugoPath: Sendable {
    package var toLower = true
    package var removeAccents = false

    package init(config: Config) {
        toLower = !config.disablePathToLower
        removeAccents = config.removePathAccents
    }

    package init(toLower: Bool = true, removeAccents: Bool = false) {
        self.toLower = toLower
        self.removeAccents = removeAccents
    }

    /// `path` is the part of a URL path after a `/` and before one (a slug, sections included).
    package func sanitized(_ path: String) -> String {
        let scalars = Array(path.unicodeScalars)
        var kept = String.UnicodeScalarView()
        var pendingHyphen = false
        for (index, scalar) in scalars.enumerated() {
            if scalar.properties.isWhitespace {
                pendingHyphen = true
            } else if Self.isKept(scalar, followedBy: scalars[(index + 1)...]) {
                if pendingHyphen, scalar != "-", kept.last != "-" { kept.append("-") }
                pendingHyphen = false
                kept.append(scalar)
            }
        }
        // A space at the end is a hyphen before the `/` that follows in the URL.
        if pendingHyphen, kept.last != "-" { kept.append("-") }
        var text = String(kept)
        if removeAccents { text = Self.withoutAccents(text) }
        return toLower ? Self.lowercased(text) : text
    }

    private static let keptPunctuation: Set<Unicode.Scalar> = [".", "/", "\\", "_", "#", "+", "~", "-", "@"]

    private static func isKept(_ scalar: Unicode.Scalar, followedBy rest: ArraySlice<Unicode.Scalar>) -> Bool {
        if keptPunctuation.contains(scalar) { return true }
        if scalar == "%" { return rest.count >= 2 && rest.prefix(2).allSatisfy { $0.properties.isASCIIHexDigit } }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark:
            return true
        default:
            return false
        }
    }

    /// Go's `strings.ToLower`: each character's own lower case (`İ` is `i`, not `i̇`).
    private static func lowercased(_ text: String) -> String {
        var lower = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let mapped = scalar.properties.lowercaseMapping.unicodeScalars
            // Only `İ` lower-cases to two characters (with a combining dot); Go's rune mapping
            // gives `i`.
            if mapped.count == 1 { lower.append(contentsOf: mapped) } else { lower.append(scalar == "\u{130}" ? "i" : scalar) }
        }
        return String(lower)
    }

    /// Hugo's `RemoveAccentsString`: decomposed, combining marks dropped, composed again.
    private static func withoutAccents(_ text: String) -> String {
        var kept = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars where scalar.properties.generalCategory != .nonspacingMark {
            kept.append(scalar)
        }
        return String(kept).precomposedStringWithCanonicalMapping
    }
}
