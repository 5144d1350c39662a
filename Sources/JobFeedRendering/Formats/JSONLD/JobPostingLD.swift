import JobFeedCore

/// schema.org `JobPosting` as Google's job-posting guidelines describe it: every required and
/// recommended property, typed, so a missing one is a compile error rather than a silent gap.
/// Written by `JSONText` (`JobPostingLD+JSON.swift`); `Encodable` is the reference form that
/// `JSONTextTests` checks those bytes against with Foundation's `JSONEncoder`.
package struct JobPostingLD: Encodable, Sendable {
    package var context: String?
    package var type = "JobPosting"
    package var title: String
    package var description: String
    package var datePosted: String
    package var validThrough: String?
    package var employmentType: [String]?
    package var hiringOrganization: OrganizationLD
    package var jobLocation: [PlaceLD]?
    package var jobLocationType: String?
    package var applicantLocationRequirements: [CountryLD]?
    package var baseSalary: MonetaryAmountLD?
    package var identifier: PropertyValueLD
    package var directApply: Bool
    package var url: String
    package var inLanguage: String

    package enum CodingKeys: String, CodingKey {
        case context = "@context", type = "@type"
        case title, description, datePosted, validThrough, employmentType, hiringOrganization, jobLocation
        case jobLocationType, applicantLocationRequirements, baseSalary, identifier, directApply, url, inLanguage
    }
}

package struct OrganizationLD: Encodable, Sendable {
    package var type = "Organization"
    package var name: String
    package var sameAs: [String]?
    package var logo: String?
    package var url: String?

    package enum CodingKeys: String, CodingKey {
        case type = "@type", name, sameAs, logo, url
    }
}

package struct PlaceLD: Encodable, Sendable {
    package var type = "Place"
    package var address: PostalAddressLD

    package enum CodingKeys: String, CodingKey {
        case type = "@type", address
    }
}

package struct PostalAddressLD: Encodable, Sendable {
    package var type = "PostalAddress"
    package var streetAddress: String?
    package var addressLocality: String?
    package var addressRegion: String?
    package var postalCode: String?
    package var addressCountry: String

    package enum CodingKeys: String, CodingKey {
        case type = "@type", streetAddress, addressLocality, addressRegion, postalCode, addressCountry
    }
}

package struct CountryLD: Encodable, Sendable {
    package var type = "Country"
    package var name: String

    package enum CodingKeys: String, CodingKey {
        case type = "@type", name
    }
}

package struct MonetaryAmountLD: Encodable, Sendable {
    package var type = "MonetaryAmount"
    package var currency: String
    package var value: QuantitativeValueLD

    package enum CodingKeys: String, CodingKey {
        case type = "@type", currency, value
    }
}

package struct QuantitativeValueLD: Encodable, Sendable {
    package var type = "QuantitativeValue"
    package var value: Double?
    package var minValue: Double?
    package var maxValue: Double?
    package var unitText: String

    package enum CodingKeys: String, CodingKey {
        case type = "@type", value, minValue, maxValue, unitText
    }
}

package struct PropertyValueLD: Encodable, Sendable {
    package var type = "PropertyValue"
    package var name: String
    package var value: String

    package enum CodingKeys: String, CodingKey {
        case type = "@type", name, value
    }
}
