// Each type's keys in sorted order, as `JSONEncoder(.sortedKeys)` wrote them.

extension JSONFeedItem: JSONWritable {
    package func write(to json: inout JSONText) {
        json.object { json in
            json.member("_job", _job)
            json.member("content_html", content_html)
            json.member("date_modified", date_modified)
            json.member("date_published", date_published)
            json.member("id", id)
            json.member("language", language)
            json.member("summary", summary)
            json.member("tags", tags)
            json.member("title", title)
            json.member("url", url)
        }
    }
}

extension JSONFeedJob: JSONWritable {
    package func write(to json: inout JSONText) {
        json.object { json in
            json.member("applicant_countries", applicant_countries)
            json.member("apply_url", apply_url)
            json.member("company", company)
            json.member("employment_type", employment_type)
            json.member("identifier", identifier)
            json.member("locations", locations)
            json.member("remote", remote)
            json.member("salary", salary)
            json.member("valid_through", valid_through)
        }
    }
}

extension JSONFeedPlace: JSONWritable {
    package func write(to json: inout JSONText) {
        json.object { json in
            json.member("city", city)
            json.member("country", country)
            json.member("postal_code", postal_code)
            json.member("region", region)
            json.member("street", street)
        }
    }
}

extension JSONFeedSalary: JSONWritable {
    package func write(to json: inout JSONText) {
        json.object { json in
            json.member("currency", currency)
            json.member("max", max)
            json.member("min", min)
            json.member("unit", unit)
        }
    }
}

extension JSONFeedHeader: JSONWritable {
    package func write(to json: inout JSONText) {
        json.object { json in
            json.member("authors", authors)
            json.member("description", description)
            json.member("feed_url", feed_url)
            json.member("home_page_url", home_page_url)
            json.member("hubs", hubs)
            json.member("language", language)
            json.member("title", title)
            json.member("version", version)
        }
    }
}

extension JSONFeedAuthor: JSONWritable {
    package func write(to json: inout JSONText) {
        json.object { json in
            json.member("name", name)
            json.member("url", url)
        }
    }
}

extension JSONFeedHub: JSONWritable {
    package func write(to json: inout JSONText) {
        json.object { json in
            json.member("type", type)
            json.member("url", url)
        }
    }
}
