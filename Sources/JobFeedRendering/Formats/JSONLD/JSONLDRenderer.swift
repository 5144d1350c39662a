import Foundation
import JobFeedCore

/// Writes one JobPosting per active posting, and all of them in one `@graph` document.
package struct JSONLDRenderer {
    package let config: Config

    package static let context = "https://schema.org/"

    package func posting(_ entry: RenderedEntry) throws(RenderError) -> Data {
        var document = model(entry)
        document.context = Self.context
        return try encode(document, file: entry.posting.source.displayPath)
    }

    package func model(_ entry: RenderedEntry) -> JobPostingLD {
        let posting = entry.posting
        let organization = config.organization
        let language = config.language(posting.language)
        let remote = posting.remote
        return JobPostingLD(
            title: posting.title,
            description: entry.body.googleHTML.isEmpty ? HTMLEscaping.text(entry.summary) : entry.body.googleHTML,
            datePosted: DateFormats.iso8601(posting.datePosted, in: config.timeZone),
            validThrough: posting.validThrough.map { DateFormats.iso8601($0, in: config.timeZone) },
            employmentType: posting.employmentTypes.isEmpty ? nil : posting.employmentTypes.map(\.rawValue),
            hiringOrganization: OrganizationLD(
                name: organization.name(in: posting.language),
                sameAs: organization.sameAs.isEmpty ? nil : organization.sameAs,
                logo: organization.logo, url: organization.url),
            jobLocation: posting.locations.isEmpty ? nil : posting.locations.map(place),
            jobLocationType: remote == nil ? nil : "TELECOMMUTE",
            applicantLocationRequirements: remote.map { $0.applicantCountries.map { CountryLD(name: $0) } },
            baseSalary: posting.salary.map(amount),
            identifier: PropertyValueLD(name: organization.name(in: posting.language), value: posting.identifier),
            directApply: posting.directApply,
            url: posting.url,
            inLanguage: language?.locale ?? posting.language)
    }

    private func place(_ location: Location) -> PlaceLD {
        PlaceLD(address: PostalAddressLD(
            streetAddress: location.street, addressLocality: location.city, addressRegion: location.region,
            postalCode: location.postalCode, addressCountry: location.country))
    }

    private func amount(_ salary: Salary) -> MonetaryAmountLD {
        let single = salary.minimum == salary.maximum
        return MonetaryAmountLD(currency: salary.currency, value: QuantitativeValueLD(
            value: single ? salary.minimum : nil,
            minValue: single ? nil : salary.minimum,
            maxValue: single ? nil : salary.maximum,
            unitText: salary.unit.rawValue))
    }

    private func encode(_ value: some Encodable, file: String) throws(RenderError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return ScriptSafeJSON.escape(try encoder.encode(value)) + Data("\n".utf8)
        } catch {
            throw RenderError(file: file, message: "cannot encode JSON-LD: \(error)")
        }
    }
}

/// JSON that can sit inside `<script type="application/ld+json">`: `<`, `>` and `&` become
/// `\u003c`, `\u003e` and `\u0026`, so no `</script` or `<!--` can appear; U+2028 and U+2029
/// are escaped for older JavaScript parsers. These characters only occur inside JSON strings,
/// where the escapes mean the same text.
package enum ScriptSafeJSON {
    package static func escape(_ json: Data) -> Data {
        var output: [UInt8] = []
        output.reserveCapacity(json.count + json.count / 8)
        json.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "<"): output += Self.lessThan
                case UInt8(ascii: ">"): output += Self.greaterThan
                case UInt8(ascii: "&"): output += Self.ampersand
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    output += bytes[index + 2] == 0xA8 ? Self.lineSeparator : Self.paragraphSeparator
                    index += 2
                default: output.append(byte)
                }
                index += 1
            }
        }
        return Data(output)
    }

    private static let lessThan = Array("\\u003c".utf8)
    private static let greaterThan = Array("\\u003e".utf8)
    private static let ampersand = Array("\\u0026".utf8)
    private static let lineSeparator = Array("\\u2028".utf8)
    private static let paragraphSeparator = Array("\\u2029".utf8)
}
