/// schema.org `JobPosting` as Google's job-posting guidelines describe it: every required and
/// recommended property, typed, so a missing one is a compile error rather than a silent gap.
struct JobPostingLD: Encodable, Sendable {
    var context: String?
    var type = "JobPosting"
    var title: String
    var description: String
    var datePosted: String
    var validThrough: String?
    var employmentType: [String]?
    var hiringOrganization: OrganizationLD
    var jobLocation: [PlaceLD]?
    var jobLocationType: String?
    var applicantLocationRequirements: [CountryLD]?
    var baseSalary: MonetaryAmountLD?
    var identifier: PropertyValueLD
    var directApply: Bool
    var url: String
    var inLanguage: String

    enum CodingKeys: String, CodingKey {
        case context = "@context", type = "@type"
        case title, description, datePosted, validThrough, employmentType, hiringOrganization, jobLocation
        case jobLocationType, applicantLocationRequirements, baseSalary, identifier, directApply, url, inLanguage
    }
}

struct OrganizationLD: Encodable, Sendable {
    var type = "Organization"
    var name: String
    var sameAs: [String]?
    var logo: String?
    var url: String?

    enum CodingKeys: String, CodingKey {
        case type = "@type", name, sameAs, logo, url
    }
}

struct PlaceLD: Encodable, Sendable {
    var type = "Place"
    var address: PostalAddressLD

    enum CodingKeys: String, CodingKey {
        case type = "@type", address
    }
}

struct PostalAddressLD: Encodable, Sendable {
    var type = "PostalAddress"
    var streetAddress: String?
    var addressLocality: String?
    var addressRegion: String?
    var postalCode: String?
    var addressCountry: String

    enum CodingKeys: String, CodingKey {
        case type = "@type", streetAddress, addressLocality, addressRegion, postalCode, addressCountry
    }
}

struct CountryLD: Encodable, Sendable {
    var type = "Country"
    var name: String

    enum CodingKeys: String, CodingKey {
        case type = "@type", name
    }
}

struct MonetaryAmountLD: Encodable, Sendable {
    var type = "MonetaryAmount"
    var currency: String
    var value: QuantitativeValueLD

    enum CodingKeys: String, CodingKey {
        case type = "@type", currency, value
    }
}

struct QuantitativeValueLD: Encodable, Sendable {
    var type = "QuantitativeValue"
    var value: Double?
    var minValue: Double?
    var maxValue: Double?
    var unitText: String

    enum CodingKeys: String, CodingKey {
        case type = "@type", value, minValue, maxValue, unitText
    }
}

struct PropertyValueLD: Encodable, Sendable {
    var type = "PropertyValue"
    var name: String
    var value: String

    enum CodingKeys: String, CodingKey {
        case type = "@type", name, value
    }
}
