import Foundation
@_spi(Specialized) import JobFeedCore

/// One `<job>` of Indeed's feed, as bytes, rendered on any core while its chunk renders: every
/// text in CDATA (a `]]>` in it split across two sections, characters XML forbids removed),
/// descriptions with literal characters. Built directly rather than through the XML writer:
/// CDATA needs no escaping, and the writer is one stream that would serialize the work.
package struct IndeedJob {
    private var bytes: [UInt8] = []

    package static let jobTypes: [EmploymentType: String] = [
        .fullTime: "fulltime", .partTime: "parttime", .contractor: "contract", .temporary: "temporary", .intern: "internship",
        .volunteer: "volunteer", .perDiem: "perdiem", .other: "other",
    ]

    /// The whole job, with the reference number most postings have (`reference(of:)`); the
    /// writer replaces the opening for a posting whose reference another one shares (see
    /// `opening`), which only the whole feed tells. Rendered here, the opening is cached with
    /// the rest: made by the writer for every job of every build, on its one thread, it made
    /// Indeed's turn at each chunk three times any other writer's.
    package static func render(_ entry: RenderedEntry, company: String) -> Data {
        let posting = entry.posting
        let place = posting.locations.first
        var job = IndeedJob()
        job.opening(posting, reference: reference(of: posting))
        job.element(.requisitionid, posting.identifier)
        job.element(.url, posting.url)
        job.element(.company, company)
        for (name, value) in [(Indeed.city, place?.city), (.state, place?.region), (.country, place?.country ?? posting.remote?.applicantCountries.first),
                              (.postalcode, place?.postalCode), (.streetaddress, place?.street)] {
            if let value { job.element(name, value) }
        }
        job.element(.description, literal(entry.body.feedHTML.isEmpty ? HTMLEscaping.text(entry.summary) : entry.body.feedHTML))
        if let salary = posting.salary { job.element(.salary, text(salary)) }
        let types = posting.employmentTypes.compactMap { jobTypes[$0] }
        if !types.isEmpty { job.element(.jobtype, types.joined(separator: ", ")) }
        if !posting.categories.isEmpty { job.element(.category, posting.categories.joined(separator: ", ")) }
        if let closing = posting.validThrough { job.element(.expirationdate, DateFormats.rfc3339(closing)) }
        if posting.remote != nil { job.element(.remotetype, posting.locations.isEmpty ? "Fully remote" : "Hybrid remote") }
        job.append("\n  </job>\n")
        return Data(job.bytes)
    }

    /// `identifier-language`: unique in the feed unless two postings of one language share an
    /// identifier, for which the writer adds the slug.
    package static func reference(of posting: Posting) -> String {
        posting.identifier + "-" + posting.language
    }

    /// The opening of a job, with the title, date and reference number.
    package static func opening(_ posting: Posting, reference: String) -> Data {
        var job = IndeedJob()
        job.opening(posting, reference: reference)
        return Data(job.bytes)
    }

    private mutating func opening(_ posting: Posting, reference: String) {
        append("  <job>")
        element(.title, posting.title)
        element(.date, DateFormats.rfc3339(posting.datePosted))
        element(.referencenumber, reference)
    }

    /// `\n    <name><![CDATA[text]]></name>`, the text cleaned and its `]]>` split.
    private mutating func element(_ name: Indeed, _ text: String) {
        append("\n    <")
        append(name.rawValue)
        append("><![CDATA[")
        var clean = XMLText.clean(text)
        clean.withUTF8 { text in
            // Copied in runs up to each `]]>`, which becomes `]]` + `]]><![CDATA[` + `>`.
            let raw = UnsafeRawBufferPointer(text)
            let closesSection = { (index: Int) in index + 2 < text.count && text[index] == 0x5D && text[index + 1] == 0x5D && text[index + 2] == 0x3E }
            var runStart = 0
            while let index = ByteWords.firstIndex(in: raw, from: runStart, marking: { ByteWords.bytes($0, equalTo: 0x5D) }, where: closesSection) {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<index]))
                bytes += "]]]]><![CDATA[>".utf8
                runStart = index + 3
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart...]))
        }
        append("]]></")
        append(name.rawValue)
        append(">")
    }

    /// One piece at a time: a variadic list was an array made for each of a job's elements,
    /// and the openings are made for every job on every build.
    private mutating func append(_ part: String) {
        bytes += part.utf8
    }

    /// The HTML with literal characters where Indeed wants them (it shows `&amp;` as is): in
    /// text only, where only `&lt;` stays, since a literal `<` could open a tag. Tags are
    /// copied as they are: in an attribute value `&quot;` is what keeps the value closed
    /// (`title="x&quot; onmouseover=&quot;…"` made literal was a second attribute), and the
    /// feed HTML escapes every `>` and `"` in its values, so a tag ends at the first `>`. One
    /// pass over the bytes, copied in runs between the entities it replaces.
    package static func literal(_ html: String) -> String {
        guard html.containsUTF8Byte(where: { $0 == 0x26 }) else { return html }
        var html = html
        return html.withUTF8 { input in
            var output: [UInt8] = []
            output.reserveCapacity(input.count)
            var runStart = 0
            var index = 0
            scan: while index < input.count {
                switch input[index] {
                case UInt8(ascii: "<"):
                    index = input[index...].firstIndex(of: UInt8(ascii: ">")).map { $0 + 1 } ?? input.count
                    continue scan
                case UInt8(ascii: "&"):
                    let rest = UnsafeBufferPointer(rebasing: input[index...])
                    for (entity, character) in Self.entities where rest.starts(with: entity.utf8) {
                        output.append(contentsOf: UnsafeBufferPointer(rebasing: input[runStart..<index]))
                        output.append(character)
                        index += entity.utf8.count
                        runStart = index
                        continue scan
                    }
                default:
                    break
                }
                index += 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: input[runStart...]))
            return String(decoding: output, as: UTF8.self)
        }
    }

    private static let entities: [(String, UInt8)] = [("&amp;", 0x26), ("&quot;", 0x22), ("&gt;", 0x3E)]

    /// `90000-120000 CAD per year`, or `85000 CAD per year`.
    package static func text(_ salary: Salary) -> String {
        let low = (salary.minimum ?? salary.maximum ?? 0).plain
        let high = (salary.maximum ?? salary.minimum ?? 0).plain
        return (low == high ? low : low + "-" + high) + " \(salary.currency) per \(salary.unit.rawValue.lowercased())"
    }
}
