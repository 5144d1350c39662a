// Each type's keys in sorted order, as `JSONEncoder(.sortedKeys)` wrote them.

extension JobPostingLD: JSONWritable {
    package func write(to json: inout JSONText) {
        json.object { json in
            if let context { json.key("@context"); json.string(context) }
            json.key("@type"); json.string(type)
            if let applicantLocationRequirements { json.key("applicantLocationRequirements"); json.values(applicantLocationRequirements) }
            if let baseSalary { json.key("baseSalary"); json.value(baseSalary) }
            json.key("datePosted"); json.string(datePosted)
            json.key("description"); json.string(description)
            json.key("directApply"); json.bool(directApply)
            if let employmentType { json.key("employmentType"); json.strings(employmentType) }
            json.key("hiringOrganization"); json.value(hiringOrganization)
            json.key("identifier"); json.value(identifier)
            json.key("inLanguage"); json.string(inLanguage)
            if let jobLocation { json.key("jobLocation"); json.values(jobLocation) }
            if let jobLocationType { json.key("jobLocationType"); json.string(jobLocationType) }
            json.key("title"); json.string(title)
            json.key("url"); json.string(url)
            if let validThrough { json.key("validThrough"); json.string(validThrough) }
        }
    }
}

extension OrganizationLD: JSONWritable {
    package func write(to json: inout JSONText) {
        json.object { json in
            json.key("@type"); json.string(type)
            if let logo { json.key("logo"); json.string(logo) }
            json.key("name"); json.string(name)
            if let sameAs { json.key("sameAs"); json.strings(sameAs) }
            if let url { json.key("url"); json.string(url) }
        }
    }
}

extension PlaceLD: JSONWritable {
    package func write(to json: inout JSONText) {
        json.object { json in
            json.key("@type"); json.string(type)
            json.key("address"); json.value(address)
        }
    }
}

extension PostalAddressLD: JSONWritable {
    package func write(to json: inout JSONText) {
        json.object { json in
            json.key("@type"); json.string(type)
            json.key("addressCountry"); json.string(addressCountry)
            if let addressLocality { json.key("addressLocality"); json.string(addressLocality) }
            if let addressRegion { json.key("addressRegion"); json.string(addressRegion) }
            if let postalCode { json.key("postalCode"); json.string(postalCode) }
            if let streetAddress { json.key("streetAddress"); json.string(streetAddress) }
        }
    }
}

extension CountryLD: JSONWritable {
    package func write(to json: inout JSONText) {
        json.object { json in
            json.key("@type"); json.string(type)
            json.key("name"); json.string(name)
        }
    }
}

extension MonetaryAmountLD: JSONWritable {
    package func write(to json: inout JSONText) {
        json.object { json in
            json.key("@type"); json.string(type)
            json.key("currency"); json.string(currency)
            json.key("value"); json.value(value)
        }
    }
}

extension QuantitativeValueLD: JSONWritable {
    package func write(to json: inout JSONText) {
        json.object { json in
            json.key("@type"); json.string(type)
            if let maxValue { json.key("maxValue"); json.number(maxValue) }
            if let minValue { json.key("minValue"); json.number(minValue) }
            json.key("unitText"); json.string(unitText)
            if let value { json.key("value"); json.number(value) }
        }
    }
}

extension PropertyValueLD: JSONWritable {
    package func write(to json: inout JSONText) {
        json.object { json in
            json.key("@type"); json.string(type)
            json.key("name"); json.string(name)
            json.key("value"); json.string(value)
        }
    }
}
