/// A JSON Feed 1.1 document's parts (https://jsonfeed.org/version/1.1), with the job's
/// structured fields in a `_job` extension object, as the specification's underscore
/// convention allows.
struct JSONFeedHeader: Encodable {
    var version = "https://jsonfeed.org/version/1.1"
    var title: String
    var home_page_url: String
    var feed_url: String
    var description: String
    var language: String
    var authors: [JSONFeedAuthor]
    var hubs: [JSONFeedHub]?
}

struct JSONFeedHub: Encodable {
    var type = "WebSub"
    var url: String
}

struct JSONFeedAuthor: Encodable {
    var name: String
    var url: String?
}

struct JSONFeedItem: Encodable {
    var id: String
    var url: String
    var title: String
    var content_html: String
    var summary: String
    var date_published: String
    var date_modified: String
    var language: String
    var tags: [String]?
    var _job: JSONFeedJob
}

/// The job's structured fields, named as in jobfeed's CSV export.
struct JSONFeedJob: Encodable {
    var identifier: String
    var company: String
    var apply_url: String
    var employment_type: [String]?
    var valid_through: String?
    var locations: [JSONFeedPlace]?
    var remote: Bool
    var applicant_countries: [String]?
    var salary: JSONFeedSalary?
}

struct JSONFeedPlace: Encodable {
    var street: String?
    var city: String?
    var region: String?
    var postal_code: String?
    var country: String
}

struct JSONFeedSalary: Encodable {
    var min: Double?
    var max: Double?
    var currency: String
    var unit: String
}
