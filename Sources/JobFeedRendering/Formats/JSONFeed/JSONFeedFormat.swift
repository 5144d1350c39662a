import Foundation
import JobFeedCore

/// `feeds/<lang>/feed.json`: JSON Feed 1.1, which feed readers support and which is simpler to
/// consume than XML. Each active posting's item is rendered as its part; each language's feed
/// streams its items between a header and a footer.
package struct JSONFeedFormat: OutputFormat {
    package static let fileName = "feed.json"
    package let config: Config

    package static let id = "jsonfeed"
    /// Only active postings have one.
    package static let partStatuses: Set<PostingStatus> = [.active]

    package func violations(in bytes: Data) -> [String] {
        WellFormedness.jsonProblems(bytes)
    }

    package func files(_ config: Config) -> [URL] {
        subscriberFeeds(config).map(\.file)
    }

    package func subscriberFeeds(_ config: Config) -> [(file: URL, url: String)] {
        FeedContext.feeds(named: Self.fileName, config: config)
    }

    package func part(_ entry: RenderedEntry) throws(RenderError) -> Data? {
        guard Self.partStatuses.contains(entry.status) else { return nil }
        var json = JSONText(pretty: false, scriptSafe: false, capacity: entry.body.feedHTML.utf8.count + entry.summary.utf8.count + 1024)
        json.value(item(entry))
        return Data(json.bytes)
    }

    package func item(_ entry: RenderedEntry) -> JSONFeedItem {
        let posting = entry.posting
        let locale = config.language(posting.language)?.locale ?? posting.language
        let job = JSONFeedJob(
            identifier: posting.identifier, company: config.organization.name(in: posting.language), apply_url: posting.applyURL,
            employment_type: posting.employmentTypes.isEmpty ? nil : posting.employmentTypes.map(\.rawValue),
            valid_through: posting.validThrough.map(DateFormats.rfc3339),
            locations: posting.locations.isEmpty ? nil : posting.locations.map {
                JSONFeedPlace(street: $0.street, city: $0.city, region: $0.region, postal_code: $0.postalCode, country: $0.country)
            },
            remote: posting.remote != nil, applicant_countries: posting.remote?.applicantCountries,
            salary: posting.salary.map { JSONFeedSalary(min: $0.minimum, max: $0.maximum, currency: $0.currency, unit: $0.unit.rawValue) })
        return JSONFeedItem(
            id: posting.url, url: posting.url, title: posting.title, content_html: entry.body.feedHTML, summary: entry.summary,
            date_published: DateFormats.rfc3339(posting.datePosted), date_modified: DateFormats.rfc3339(posting.dateModified),
            language: locale, tags: posting.categories.isEmpty ? nil : posting.categories, _job: job)
    }

    package func writers(_ build: FormatBuild) throws(DiagnosticError) -> [any FormatWriter] {
        var writers: [any FormatWriter] = []
        for language in config.languages {
            let feed = FeedContext(language: language, catalog: build.catalog, config: config)
            let header = JSONFeedHeader(
                title: language.feedTitle, home_page_url: feed.listingURL, feed_url: feed.feedURL(Self.fileName),
                description: language.feedDescription, language: language.locale,
                authors: [JSONFeedAuthor(name: config.organization.name(in: language.code), url: config.organization.url)],
                hubs: config.websubHub.map { [JSONFeedHub(url: $0)] })
            let file = FeedContext.file(Self.fileName, language: language.code, config: config)
            writers.append(try build.feed(file, format: id, feed: feed, itemKind: id) { output in
                var encoded = JSONText(pretty: false, scriptSafe: false)
                encoded.value(header)
                return JSONFeedWriter(output: output, language: language.code, header: Data(encoded.bytes), format: id, limit: config.limits.feedItems,
                                      catalog: build.catalog)
            })
        }
        return writers
    }

    package init(config: Config) {
        self.config = config
    }
}

/// One language's `feed.json` being written: the header object with its `items` array open,
/// an item per line, then the end.
package final class JSONFeedWriter: FormatWriter, @unchecked Sendable {
    package let output: PendingOutput
    private let language: String
    private let format: String
    private var isEmpty = true
    /// Items left before the feed's limit (`limits.feedItems`).
    private var room: Int
    /// With a limit, the items of the postings past it, which it never writes.
    package let unneeded: UnneededParts?

    /// `catalog`: the postings in feed order, for the limit to name the ones it writes.
    package init(output: PendingOutput, language: String, header: Data, format: String, limit: Int?, catalog: Catalog) {
        room = limit ?? .max
        unneeded = UnneededParts.past(limit, kind: format, language: language, in: catalog)
        self.output = output
        self.language = language
        self.format = format
        // `{…}` becomes `{…,"items":[`: the header's keys, then the items.
        output.sink.write(header.dropLast())
        output.sink.write(",\"items\":[")
    }

    package func append(_ chunk: RenderedChunk) throws(DiagnosticError) {
        for item in chunk.items where room > 0 && item.entry.posting.language == language {
            guard let part = item.parts[kind: format] else { continue }
            room -= 1
            output.sink.write(isEmpty ? "\n" : ",\n")
            isEmpty = false
            output.sink.write(part)
        }
    }

    package var partKind: String? { format }

    package func needsBytes(of entry: CatalogEntry, part: FormatPart) -> Bool {
        entry.posting.language == language && !output.sink.copies(part)
    }

    package func finish(into plan: inout OutputPlan) throws(DiagnosticError) {
        output.sink.write(isEmpty ? "]}\n" : "\n]}\n")
        plan.add(output)
    }
}
