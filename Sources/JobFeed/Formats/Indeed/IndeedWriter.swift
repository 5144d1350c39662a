import Foundation

/// `indeed.xml` being written, a job per active posting, from one thread.
final class IndeedWriter: FormatWriter, @unchecked Sendable {
    let output: PendingOutput
    private let config: Config
    private let xml: XMLWriter
    /// `identifier-lang` references more than one active posting uses.
    private let shared: Set<String>

    static let jobTypes: [EmploymentType: String] = [
        .fullTime: "fulltime", .partTime: "parttime", .contractor: "contract", .temporary: "temporary", .intern: "internship",
        .volunteer: "volunteer", .perDiem: "perdiem", .other: "other",
    ]

    init(output: PendingOutput, config: Config, shared: Set<String>, updated: Timestamp) throws(DiagnosticError) {
        self.output = output
        self.config = config
        self.shared = shared
        do {
            xml = try XMLWriter(sink: output.sink)
            try xml.start(Indeed.source)
            try xml.element(Indeed.publisher, config.organization.name(in: config.languageCodes.first ?? ""))
            try xml.element(Indeed.publisherurl, config.organization.url ?? config.baseURL)
            try xml.element(Indeed.lastBuildDate, DateFormats.rfc3339(updated))
        } catch {
            throw Self.failure(error, output.path)
        }
    }

    func append(_ chunk: RenderedChunk) throws(DiagnosticError) -> [(String, PlannedFile)] {
        do {
            for item in chunk.items where item.entry.status == .active { try write(item.entry) }
        } catch {
            throw Self.failure(error, output.path)
        }
        return []
    }

    func finish(into plan: inout OutputPlan) throws(DiagnosticError) {
        do {
            try xml.end()
            _ = try xml.finish()
        } catch {
            throw Self.failure(error, output.path)
        }
        plan.add(output)
    }

    private func write(_ entry: RenderedEntry) throws(XMLWriterError) {
        let posting = entry.posting
        var reference = posting.identifier + "-" + posting.language
        if shared.contains(reference) { reference += "-" + posting.slug }
        let place = posting.locations.first
        try xml.start(Indeed.job)
        try xml.cdataElement(Indeed.title, posting.title)
        try xml.cdataElement(Indeed.date, DateFormats.rfc3339(posting.datePosted))
        try xml.cdataElement(Indeed.referencenumber, reference)
        try xml.cdataElement(Indeed.requisitionid, posting.identifier)
        try xml.cdataElement(Indeed.url, posting.url)
        try xml.cdataElement(Indeed.company, config.organization.name(in: posting.language))
        for (name, value) in [(Indeed.city, place?.city), (.state, place?.region), (.country, place?.country ?? posting.remote?.applicantCountries.first),
                              (.postalcode, place?.postalCode), (.streetaddress, place?.street)] {
            if let value { try xml.cdataElement(name, value) }
        }
        try xml.cdataElement(Indeed.description, Self.literal(entry.body.feedHTML.isEmpty ? HTMLEscaping.text(entry.summary) : entry.body.feedHTML))
        if let salary = posting.salary { try xml.cdataElement(Indeed.salary, Self.text(salary)) }
        let types = posting.employmentTypes.compactMap { Self.jobTypes[$0] }
        if !types.isEmpty { try xml.cdataElement(Indeed.jobtype, types.joined(separator: ", ")) }
        if !posting.categories.isEmpty { try xml.cdataElement(Indeed.category, posting.categories.joined(separator: ", ")) }
        if let closing = posting.validThrough { try xml.cdataElement(Indeed.expirationdate, DateFormats.rfc3339(closing)) }
        if posting.remote != nil { try xml.cdataElement(Indeed.remotetype, posting.locations.isEmpty ? "Fully remote" : "Hybrid remote") }
        try xml.end()
    }

    /// The HTML with literal characters where Indeed wants them (it shows `&amp;` as is): only
    /// `&lt;` stays, since a literal `<` could open a tag.
    static func literal(_ html: String) -> String {
        html.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
    }

    /// `90000-120000 CAD per year`, or `85000 CAD per year`.
    static func text(_ salary: Salary) -> String {
        let low = (salary.minimum ?? salary.maximum ?? 0).plain
        let high = (salary.maximum ?? salary.minimum ?? 0).plain
        return (low == high ? low : low + "-" + high) + " \(salary.currency) per \(salary.unit.rawValue.lowercased())"
    }

    private static func failure(_ error: XMLWriterError, _ path: String) -> DiagnosticError {
        DiagnosticError(.error("cannot write the Indeed feed: \(error)", at: SourceLocation(file: DisplayPath.of(path: path))))
    }
}
