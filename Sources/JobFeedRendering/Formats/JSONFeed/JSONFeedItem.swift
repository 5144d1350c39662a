import JobFeedCore

/// A JSON Feed 1.1 document's parts (https://jsonfeed.org/version/1.1), with the job's
/// structured fields in a `_job` extension object, as the specification's underscore
/// convention allows. Written by `JSONText` (`JSONFeedItem+JSON.swift`); `Encodable` is the
/// reference form that `JSONTextTests` checks those bytes against with Foundation's `JSONEncoder`.
package struct JSONFeedHeader: Encodable {
    package var version = "https://jsonfeed.org/version/1.1"
    package var title: String
    package var home_page_url: String
    package var feed_url: String
    package var description: String
    package var language: String
    package var authors: [JSONFeedAuthor]
    package var hubs: [JSONFeedHub]?
}

package struct JSONFeedHub: Encodable {
    package var type = "WebSub"
    package var url: String
}

package struct JSONFeedAuthor: Encodable {
    package var name: String
    package var url: String?
}

package struct JSONFeedItem: Encodable {
    package var id: String
    package var url: String
    package var title: String
    package var content_html: String
    package var summary: String
    package var date_published: String
    package var date_modified: String
    package var language: String
    package var tags: [String]?
    package var _job: JSONFeedJob
}

/// The job's structured fields, named as in jobfeed's CSV export.
package struct JSONFeedJob: Encodable {
    package var identifier: String
    package var company: String
    package var apply_url: String
    package var employment_type: [String]?
    package var valid_through: String?
    package var locations: [JSONFeedPlace]?
    package var remote: Bool
    package var applicant_countries: [String]?
    package var salary: JSONFeedSalary?
}

package struct JSONFeedPlace: Encodable {
    package var street: String?
    package var city: String?
    package var region: String?
    package var postal_code: String?
    package var country: String
}

package struct JSONFeedSalary: Encodable {
    package var min: Double?
    package var max: Double?
    package var currency: String
    package var unit: String
}
