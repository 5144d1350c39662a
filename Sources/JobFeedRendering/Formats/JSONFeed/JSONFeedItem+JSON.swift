// Each type's keys in sorted order, as `JSONEncoder(.sortedKeys)` wrote them.

extension JSONFeedItem: JSONWritable {
    package func write(to json: inout JSONText) {
        json.object { json in
            json.key("_job"); json.value(_job)
            json.key("content_html"); json.string(content_html)
            json.key("date_modified"); json.string(date_modified)
            json.key("date_published"); json.string(date_published)
            json.key("id"); json.string(id)
            json.key("language"); json.string(language)
            json.key("summary"); json.string(summary)
            if let tags { json.key("tags"); json.strings(tags) }
            json.key("title"); json.string(title)
            json.key("url"); json.string(url)
        }
    }
}

extension JSONFeedJob: JSONWritable {
    package func write(to json: inout JSONText) {
        json.object { json in
            if let applicant_countries { json.key("applicant_countries"); json.strings(applicant_countries) }
            json.key("apply_url"); json.string(apply_url)
            json.key("company"); json.string(company)
            if let employment_type { json.key("employment_type"); json.strings(employment_type) }
            json.key("identifier"); json.string(identifier)
            if let locations { json.key("locations"); json.values(locations) }
            json.key("remote"); json.bool(remote)
            if let salary { json.key("salary"); json.value(salary) }
            if let valid_through { json.key("valid_through"); json.string(valid_through) }
        }
    }
}

extension JSONFeedPlace: JSONWritable {
    package func write(to json: inout JSONText) {
        json.object { json in
            if let city { json.key("city"); json.string(city) }
            json.key("country"); json.string(country)
            if let postal_code { json.key("postal_code"); json.string(postal_code) }
            if let region { json.key("region"); json.string(region) }
            if let street { json.key("street"); json.string(street) }
        }
    }
}

extension JSONFeedSalary: JSONWritable {
    package func write(to json: inout JSONText) {
        json.object { json in
            json.key("currency"); json.string(currency)
            if let max { json.key("max"); json.number(max) }
            if let min { json.key("min"); json.number(min) }
            json.key("unit"); json.string(unit)
        }
    }
}

extension JSONFeedHeader: JSONWritable {
    package func write(to json: inout JSONText) {
        json.object { json in
            json.key("authors"); json.values(authors)
            json.key("description"); json.string(description)
            json.key("feed_url"); json.string(feed_url)
            json.key("home_page_url"); json.string(home_page_url)
            if let hubs { json.key("hubs"); json.values(hubs) }
            json.key("language"); json.string(language)
            json.key("title"); json.string(title)
            json.key("version"); json.string(version)
        }
    }
}

extension JSONFeedAuthor: JSONWritable {
    package func write(to json: inout JSONText) {
        json.object { json in
            json.key("name"); json.string(name)
            if let url { json.key("url"); json.string(url) }
        }
    }
}

extension JSONFeedHub: JSONWritable {
    package func write(to json: inout JSONText) {
        json.object { json in
            json.key("type"); json.string(type)
            json.key("url"); json.string(url)
        }
    }
}
