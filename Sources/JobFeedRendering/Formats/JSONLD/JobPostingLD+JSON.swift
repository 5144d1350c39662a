// Each type's keys in sorted order, as `JSONEncoder(.sortedKeys)` wrote them.

extension JobPostingLD: JSONWritable {
    package func write(to json: inout JSONText) {
        json.object { json in
            json.member("@context", context)
            json.member("@type", type)
            json.member("applicantLocationRequirements", applicantLocationRequirements)
            json.member("baseSalary", baseSalary)
            json.member("datePosted", datePosted)
            json.member("description", description)
            json.member("directApply", directApply)
            json.member("employmentType", employmentType)
            json.member("hiringOrganization", hiringOrganization)
            json.member("identifier", identifier)
            json.member("inLanguage", inLanguage)
            json.member("jobLocation", jobLocation)
            json.member("jobLocationType", jobLocationType)
            json.member("title", title)
            json.member("url", url)
            json.member("validThrough", validThrough)
        }
    }
}

extension OrganizationLD: JSONWritable {
    package func write(to json: inout JSONText) {
        json.object { json in
            json.member("@type", type)
            json.member("logo", logo)
            json.member("name", name)
            json.member("sameAs", sameAs)
            json.member("url", url)
        }
    }
}

extension PlaceLD: JSONWritable {
    package func write(to json: inout JSONText) {
        json.object { json in
            json.member("@type", type)
            json.member("address", address)
        }
    }
}

extension PostalAddressLD: JSONWritable {
    package func write(to json: inout JSONText) {
        json.object { json in
            json.member("@type", type)
            json.member("addressCountry", addressCountry)
            json.member("addressLocality", addressLocality)
            json.member("addressRegion", addressRegion)
            json.member("postalCode", postalCode)
            json.member("streetAddress", streetAddress)
        }
    }
}

extension CountryLD: JSONWritable {
    package func write(to json: inout JSONText) {
        json.object { json in
            json.member("@type", type)
            json.member("name", name)
        }
    }
}

extension MonetaryAmountLD: JSONWritable {
    package func write(to json: inout JSONText) {
        json.object { json in
            json.member("@type", type)
            json.member("currency", currency)
            json.member("value", value)
        }
    }
}

extension QuantitativeValueLD: JSONWritable {
    package func write(to json: inout JSONText) {
        json.object { json in
            json.member("@type", type)
            json.member("maxValue", maxValue)
            json.member("minValue", minValue)
            json.member("unitText", unitText)
            json.member("value", value)
        }
    }
}

extension PropertyValueLD: JSONWritable {
    package func write(to json: inout JSONText) {
        json.object { json in
            json.member("@type", type)
            json.member("name", name)
            json.member("value", value)
        }
    }
}
