import JobFeedCore

/// Places written as text: `Remote`, `Virtual (100% Remote)`, `Washington, DC`,
/// `Ottawa, ON`, `Minneapolis MN`, `Austin, Texas`, `Paris, France`, and lists of them
/// separated by `;`, `|` or new lines. Remote words make the job remote (with the country
/// named beside them, if any); the rest become addresses through the `Gazetteer`.
package struct FreeTextPlace {
    package var locations: [Location] = []
    package var isRemote = false
    /// Countries named with the remote words (`Remote (Canada)`, `Remote - US`).
    package var remoteCountries: [String] = []
    /// Parts kept as a locality because the gazetteer does not know them.
    package var unrecognized: [String] = []

    package static let remoteWords = ["remote", "virtual", "telework", "telecommute", "work from home", "anywhere", "télétravail",
                              "à distance", "en ligne", "distributed"]

    package init(_ text: String, defaultCountry: String?) {
        let parts = text.split(whereSeparator: { $0 == ";" || $0 == "|" || $0 == "\n" }).map { $0.trimmed }.filter { !$0.isEmpty }
        for part in parts { read(part, defaultCountry: defaultCountry) }
    }

    private mutating func read(_ part: String, defaultCountry: String?) {
        let lowered = part.lowercased()
        if Self.remoteWords.contains(where: { lowered.contains($0) }) {
            isRemote = true
            // `Remote (Canada)`, `Remote - US`, `Remote, USA`: the country named with it.
            let words = lowered.split(whereSeparator: { !$0.isLetter && $0 != "." && $0 != "-" && $0 != " " }).map { $0.trimmed }
            for word in words {
                let name = word.replacingOccurrences(of: "remote", with: "").trimmingCharacters(in: .init(charactersIn: " -"))
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
