import Foundation

/// Indeed's XML job feed element names.
enum Indeed: String, XMLVocabulary {
    case source, publisher, publisherurl, lastBuildDate, job, title, date, referencenumber, requisitionid, url, company
    case city, state, country, postalcode, streetaddress, description, salary, jobtype, category, expirationdate, remotetype
}

/// `exports/indeed.xml`: Indeed's XML job feed, every active posting of every language, each
/// text in CDATA (Indeed takes no entity references). `referencenumber` is the posting's
/// `identifier` and language, unique and stable (the slug is added for an identifier two
/// postings of one language share); `requisitionid` is the `identifier` the translations share.
struct IndeedFormat: OutputFormat {
    static let fileName = "indeed.xml"
    let config: Config

    var id: String { "indeed" }

    func files(_ config: Config) -> [URL] {
        [config.exportsDirectory.appendingPathComponent(Self.fileName)]
    }

    func writers(_ build: FormatBuild) throws(DiagnosticError) -> [any FormatWriter] {
        let active = build.context.catalog.entries.filter { $0.status == .active }
        var seen: [String: Int] = [:]
        for entry in active { seen[entry.posting.identifier + "-" + entry.posting.language, default: 0] += 1 }
        let updated = config.languageCodes.map { build.context.catalog.lastChange(in: $0) }.max() ?? build.context.catalog.now
        let file = config.exportsDirectory.appendingPathComponent(Self.fileName)
        return [try IndeedWriter(output: try build.output(file), config: config, shared: Set(seen.filter { $0.value > 1 }.keys), updated: updated, format: id)]
    }

    /// An active posting's job, after its reference number (which the writer adds).
    func part(_ entry: RenderedEntry, cache: BuildCache?) throws(RenderError) -> FormatPart? {
        guard entry.status == .active else { return nil }
        return FormatPart(data: IndeedJob.render(entry, company: config.organization.name(in: entry.posting.language)))
    }
}
