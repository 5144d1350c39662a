import Foundation
import JobFeedCore

/// Writes one JobPosting per active posting, and all of them in one `@graph` document.
package struct JSONLDRenderer {
    package let config: Config

    package static let context = "https://schema.org/"

    package init(config: Config) {
        self.config = config
    }

    /// The document, pretty-printed and safe inside a `<script>` element, ending with a line break.
    package func posting(_ entry: RenderedEntry) -> Data {
        var document = model(entry)
        document.context = Self.context
        var json = JSONText(pretty: true, scriptSafe: true, capacity: 2 * entry.body.googleHTML.utf8.count + 1024)
        json.value(document)
        return Data(json.bytes + [UInt8(ascii: "\n")])
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
}
