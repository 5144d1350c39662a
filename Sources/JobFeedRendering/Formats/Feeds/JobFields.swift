import JobFeedCore

/// The job's structured fields inside RSS items and Atom entries, under jobfeed's own
/// namespace, so that readers and scrapers of a feed get them without the JSON-LD (as WP Job
/// Manager's feed does with its own). Documented in README.md; names spelled once, here.
package enum JobFields: String, XMLVocabulary {
    case xmlns = "xmlns:job"
    case company = "job:company"
    case identifier = "job:identifier"
    case employmentType = "job:employmentType"
    case validThrough = "job:validThrough"
    case location = "job:location"
    case street, city, region, postalCode, country
    case remote = "job:remote"
    case applicantCountry = "job:applicantCountry"
    case salary = "job:salary"
    case minimum = "min", maximum = "max", currency, unit
    case applyURL = "job:applyUrl"

    package static let namespace = "urn:x-jobfeed:job:1"

    /// Writes a posting's fields inside the item or entry being written.
    package static func write(_ posting: Posting, company: String, _ xml: XMLWriter) throws(XMLWriterError) {
        try xml.element(Self.company, company)
        try xml.element(Self.identifier, posting.identifier)
        for type in posting.employmentTypes { try xml.element(Self.employmentType, type.rawValue) }
        if let closing = posting.validThrough { try xml.element(Self.validThrough, DateFormats.rfc3339(closing)) }
        for place in posting.locations {
            try xml.start(Self.location)
            for (name, value) in [(Self.street, place.street), (.city, place.city), (.region, place.region), (.postalCode, place.postalCode)] {
                if let value { try xml.attribute(name, value) }
            }
            try xml.attribute(Self.country, place.country)
            try xml.text(place.singleLine)
            try xml.end()
        }
        if let remote = posting.remote {
            try xml.element(Self.remote, "true")
            for country in remote.applicantCountries { try xml.element(Self.applicantCountry, country) }
        }
        if let salary = posting.salary {
            try xml.start(Self.salary)
            if let minimum = salary.minimum { try xml.attribute(Self.minimum, minimum.plain) }
            if let maximum = salary.maximum { try xml.attribute(Self.maximum, maximum.plain) }
            try xml.attribute(Self.currency, salary.currency)
            try xml.attribute(Self.unit, salary.unit.rawValue)
            try xml.end()
        }
        try xml.element(Self.applyURL, posting.applyURL)
    }
}
