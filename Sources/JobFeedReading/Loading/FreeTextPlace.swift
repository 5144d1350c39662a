import Foundation
import JobFeedCore

/// Places written as text: `Remote`, `Virtual (100% Remote)`, `Remote (US only)`,
/// `Washington, DC`, `Ottawa, ON`, `Minneapolis MN`, `Austin, Texas`, `Paris, France`,
/// `Hybrid (Toronto, ON)`, and lists of them separated by `;`, `|`, new lines, `/`, `&`, or the
/// words `or`/`ou` (`New York, NY or Remote`). Remote words make the job remote (with the
/// country named beside them, if any); words for working on site (`Hybrid`, `On-site`) are
/// dropped; the rest become addresses through the `Gazetteer`.
package struct FreeTextPlace {
    package var locations: [Location] = []
    package var isRemote = false
    /// Countries named with the remote words (`Remote (Canada)`, `Remote - US`).
    package var remoteCountries: [String] = []
    /// Parts kept as a locality because the gazetteer does not know them.
    package var unrecognized: [String] = []

    package static let remoteWords = ["remote", "virtual", "telework", "telecommute", "work from home", "anywhere", "télétravail",
                              "à distance", "en ligne", "distributed"]

    /// Words that say how the job is worked on site, not where: dropped from a place.
    package static let onSiteWords = ["hybrid", "hybride", "on-site", "onsite", "on site", "in-office", "in office", "in-person",
                                      "in person", "sur place", "en présentiel", "présentiel", "en personne"]
    /// Words beside a remote word's country (`Remote (US only)`, `Remote - Canada-based`).
    private static let remoteCountryFillers: Set<String> = ["remote", "only", "based", "within", "in", "from", "anywhere", "seulement",
                                                            "au", "aux", "en", "the"]
    /// Between places; `/` and `&` not beside a remote word, where they name its country
    /// (`Remote/US`).
    private static let separators = [";", "|", "\n", " or ", " ou "]
    private static let marks = [" & ", "/"]

    package init(_ text: String, defaultCountry: String?) {
        let parts = Self.split(text, on: Self.separators).flatMap { Self.isRemote($0) ? [$0] : Self.split($0, on: Self.marks) }
        for part in parts.map(Self.withoutOnSiteWords) where !part.isEmpty { read(part, defaultCountry: defaultCountry) }
    }

    private static func isRemote(_ part: String) -> Bool {
        let lowered = part.lowercased()
        return remoteWords.contains(where: { lowered.contains($0) })
    }

    /// The text between the separators, matched in any case.
    private static func split(_ text: String, on separators: [String]) -> [String] {
        var parts: [String] = []
        var rest = Substring(text)
        while let range = separators.lazy.compactMap({ rest.range(of: $0, options: .caseInsensitive) }).min(by: { $0.lowerBound < $1.lowerBound }) {
            parts.append(String(rest[..<range.lowerBound]))
            rest = rest[range.upperBound...]
        }
        return parts + [String(rest)]
    }

    /// `Hybrid (Toronto, ON)`, `Berlin, Germany (Hybrid)`, `On-site - Ottawa`: the place alone.
    private static func withoutOnSiteWords(_ part: String) -> String {
        var text = part
        for word in onSiteWords {
            while let range = text.range(of: word, options: .caseInsensitive) { text.replaceSubrange(range, with: " ") }
        }
        guard text != part else { return part.trimmed }
        text = text.replacingOccurrences(of: "(", with: ",").replacingOccurrences(of: ")", with: ",").replacingOccurrences(of: ":", with: ",")
        let pieces = text.split(separator: ",").map { $0.trimmingCharacters(in: .init(charactersIn: " -–")) }.filter { !$0.isEmpty }
        return pieces.joined(separator: ", ")
    }

    private mutating func read(_ part: String, defaultCountry: String?) {
        let lowered = part.lowercased()
        if Self.isRemote(part) {
            isRemote = true
            // `Remote (Canada)`, `Remote - US`, `Remote, USA`: the country named with it.
            let words = lowered.split(whereSeparator: { !$0.isLetter && $0 != "." && $0 != "-" && $0 != " " }).map { $0.trimmed }
            for word in words {
                let name = word.split(whereSeparator: { $0 == " " || $0 == "-" }).filter { !Self.remoteCountryFillers.contains(String($0)) }
                    .joined(separator: " ")
                if let country = Gazetteer.countries[name] { remoteCountries.append(country) }
            }
            return
        }
        if let location = Self.address(part) {
            locations.append(location)
        } else if let defaultCountry {
            unrecognized.append(part)
            locations.append(Location(street: nil, city: part, region: nil, postalCode: nil, country: defaultCountry))
        } else {
            unrecognized.append(part)
        }
    }

    /// `City, XX`, `City XX`, `City, Region name`, `City, Country`, `City, XX, Country`,
    /// `Region`, `Country`, or a city the gazetteer knows.
    package static func address(_ text: String) -> Location? {
        var pieces = text.split(separator: ",").map { $0.trimmed }.filter { !$0.isEmpty }
        if pieces.count == 1 {
            // `Minneapolis MN`: a trailing two-letter region code.
            let words = pieces[0].split(separator: " ")
            if words.count > 1, let last = words.last, region(String(last)) != nil, last.count == 2 {
                pieces = [words.dropLast().joined(separator: " "), String(last)]
            }
        }
        var country: String?
        if pieces.count > 1, let named = Gazetteer.countries[pieces[pieces.count - 1].lowercased()] {
            country = named
            pieces.removeLast()
        }
        if pieces.count > 1, let region = region(pieces[pieces.count - 1]) {
            pieces.removeLast()
            return Location(street: nil, city: pieces.joined(separator: ", "), region: region.code, postalCode: nil, country: country ?? region.country)
        }
        guard pieces.count == 1 else { return country.map { Location(street: nil, city: pieces.joined(separator: ", "), region: nil, postalCode: nil, country: $0) } }
        let name = pieces[0].lowercased()
        if let country { return Location(street: nil, city: pieces[0], region: nil, postalCode: nil, country: country) }
        if let named = Gazetteer.countries[name] { return Location(street: nil, city: nil, region: nil, postalCode: nil, country: named) }
        if let region = Gazetteer.regions[name] { return Location(street: nil, city: nil, region: region.code, postalCode: nil, country: region.country) }
        if let city = Gazetteer.cities[name] { return Location(street: nil, city: pieces[0], region: city.region, postalCode: nil, country: city.country) }
        return nil
    }

    /// A region by its upper-case two-letter code (`ON`, `DC`) or its name (`Texas`, `Québec`).
    private static func region(_ text: String) -> Gazetteer.Region? {
        if text.count == 2, text == text.uppercased(), let region = Gazetteer.regionCodes[text] { return region }
        return Gazetteer.regions[text.lowercased()]
    }
}
