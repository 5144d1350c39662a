import Foundation
import JobFeedCore

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

    /// The job's elements after `referencenumber`, which the writer adds (it is unique across
    /// the whole feed), and the closing tag.
    package static func render(_ entry: RenderedEntry, company: String) -> Data {
        let posting = entry.posting
        let place = posting.locations.first
        var job = IndeedJob()
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
        job.bytes += Array("\n  </job>\n".utf8)
        return Data(job.bytes)
    }

    /// The opening of a job, with the title, date and reference number.
    package static func opening(title: String, date: Timestamp, reference: String) -> Data {
        var job = IndeedJob()
        job.bytes += Array("  <job>".utf8)
        job.element(.title, title)
        job.element(.date, DateFormats.rfc3339(date))
        job.element(.referencenumber, reference)
        return Data(job.bytes)
    }

    /// `\n    <name><![CDATA[text]]></name>`, the text cleaned and its `]]>` split.
    private mutating func element(_ name: Indeed, _ text: String) {
        bytes += Array("\n    <\(name.rawValue)><![CDATA[".utf8)
        let clean = Array(XMLText.clean(text).utf8)
        var index = 0
        while index < clean.count {
            if index + 2 < clean.count, clean[index] == 0x5D, clean[index + 1] == 0x5D, clean[index + 2] == 0x3E {
                bytes += Array("]]]]><![CDATA[>".utf8)
                index += 3
            } else {
                bytes.append(clean[index])
                index += 1
            }
        }
        bytes += Array("]]></\(name.rawValue)>".utf8)
    }

    /// The HTML with literal characters where Indeed wants them (it shows `&amp;` as is): only
    /// `&lt;` stays, since a literal `<` could open a tag. One pass over the bytes.
    package static func literal(_ html: String) -> String {
        guard html.utf8.contains(0x26) else { return html }
        let replacements: [([UInt8], UInt8)] = [(Array("&amp;".utf8), 0x26), (Array("&quot;".utf8), 0x22), (Array("&gt;".utf8), 0x3E)]
        var output: [UInt8] = []
        let input = Array(html.utf8)
        output.reserveCapacity(input.count)
        var index = 0
        scan: while index < input.count {
            if input[index] == 0x26 {
                for (entity, character) in replacements where input[index...].starts(with: entity) {
                    output.append(character)
                    index += entity.count
                    continue scan
                }
            }
            output.append(input[index])
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// `90000-120000 CAD per year`, or `85000 CAD per year`.
    package static func text(_ salary: Salary) -> String {
        let low = (salary.minimum ?? salary.maximum ?? 0).plain
        let high = (salary.maximum ?? salary.minimum ?? 0).plain
        return (low == high ? low : low + "-" + high) + " \(salary.currency) per \(salary.unit.rawValue.lowercased())"
    }
}
