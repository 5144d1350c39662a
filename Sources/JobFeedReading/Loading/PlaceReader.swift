import Foundation
import JobFeedCore
import Yams

/// Reads where a job is done: postal addresses (fields, a `locations:` list, or places written
/// as text), and remote work with the countries allowed.
package enum PlaceReader {
    package static let addressKeys = ["street", "city", "region", "postalCode", "country"]

    package static func read(_ reader: inout FieldReader) -> (locations: [Location], remote: RemoteWork?) {
        var text = FreeTextPlace("", defaultCountry: nil)
        var locations = readLocationList(&reader, text: &text)
        for written in reader.list(.place) { merge(FreeTextPlace(written, defaultCountry: defaultCountry(reader)), into: &text, reader: &reader, field: .place) }
        locations += text.locations
        if let flat = readFlatAddress(&reader) { locations.append(flat) }
        var remote: RemoteWork?
        if reader.bool(.remote) || text.isRemote {
            var countries = reader.list(.applicantCountries)
            if countries.isEmpty { countries = text.remoteCountries }
            if countries.isEmpty, text.isRemote { countries = Array(Set(locations.map(\.country))).sorted() }
            if countries.isEmpty {
                let field: PostingField = reader.own(.applicantCountries) != nil ? .applicantCountries : .remote
                reader.error(field, "'\(reader.key(.remote))' is true but no applicant country is given; add 'applicantCountries: [CA]' (or set it under 'defaults:')")
            }
            remote = RemoteWork(applicantCountries: countries)
        }
        if locations.isEmpty && remote == nil {
            reader.record(.error("no place of work; add 'city:' and 'country:', a 'locations:' list, or 'remote: true' with 'applicantCountries:'", at: reader.location(.title)))
        }
        return (locations, remote)
    }

    private static func readFlatAddress(_ reader: inout FieldReader) -> Location? {
        let city = reader.text(.city)
        let street = reader.text(.street)
        let region = reader.text(.region)
        let postalCode = reader.text(.postalCode)
        guard city != nil || street != nil || postalCode != nil else { return nil }
        guard let country = reader.text(.country) else {
            reader.error(.city, "the address has no country; add 'country:' (e.g. CA)")
            return nil
        }
        return Location(street: street, city: city, region: region, postalCode: postalCode, country: country)
    }

    private static func defaultCountry(_ reader: FieldReader) -> String? {
        reader.config.defaults[.country]?.scalarText?.trimmed
    }

    /// Adds a place read from text, warning about the parts the gazetteer does not know.
    private static func merge(_ place: FreeTextPlace, into text: inout FreeTextPlace, reader: inout FieldReader, field: PostingField) {
        text.locations += place.locations
        text.isRemote = text.isRemote || place.isRemote
        text.remoteCountries += place.remoteCountries
        for part in place.unrecognized {
            let kept = defaultCountry(reader).map { "kept as a locality in \($0)" } ?? "left out (no default country to place it in)"
            reader.warning(field, "'\(part)' is not a place jobfeed knows; \(kept); write it as 'City, XX' with a region code or country, or give an address")
        }
    }

    private static func readLocationList(_ reader: inout FieldReader, text: inout FreeTextPlace) -> [Location] {
        guard let node = reader.node(.locations) else { return [] }
        let items: [Node]
        switch node {
        case .mapping: items = [node]
        case .scalar:
            merge(FreeTextPlace(node.scalarText ?? "", defaultCountry: defaultCountry(reader)), into: &text, reader: &reader, field: .locations)
            return []
        case let .sequence(sequence): items = Array(sequence)
        default:
            reader.error(.locations, "'\(reader.key(.locations))' must be a list of addresses with street, city, region, postalCode, country")
            return []
        }
        let defaultCountry = reader.config.defaults[.country]?.scalarText
        var locations: [Location] = []
        for item in items {
            if let written = item.scalarText {
                merge(FreeTextPlace(written, defaultCountry: defaultCountry), into: &text, reader: &reader, field: .locations)
                continue
            }
            guard let mapping = item.mapping else {
                reader.record(.error("each location must be a mapping with street, city, region, postalCode, country", at: reader.source(for: .locations).location(of: item)))
                continue
            }
            func field(_ key: String) -> String? {
                mapping[key]?.scalarText?.trimmed.nilIfEmpty
            }
            for (key, _) in mapping where !addressKeys.contains(key.scalarText ?? "") {
                let name = key.scalarText ?? "?"
                reader.record(.error("unknown address key '\(name)'; \(Suggestion.hint(for: name, in: addressKeys))", at: reader.source(for: .locations).location(of: key)))
            }
            guard let country = field("country") ?? defaultCountry else {
                reader.record(.error("the location has no country; add 'country:' (e.g. CA)", at: reader.source(for: .locations).location(of: item)))
                continue
            }
            locations.append(Location(street: field("street"), city: field("city"), region: field("region"),
                                      postalCode: field("postalCode"), country: country))
        }
        return locations
    }
}

extension String {
    package var nilIfEmpty: String? { isEmpty ? nil : self }
}

