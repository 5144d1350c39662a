import Foundation
import JobFeedCore

/// Indeed's XML job feed element names.
package enum Indeed: String, XMLVocabulary {
    case source, publisher, publisherurl, lastBuildDate, job, title, date, referencenumber, requisitionid, url, company
    case city, state, country, postalcode, streetaddress, description, salary, jobtype, category, expirationdate, remotetype
}

/// `exports/indeed.xml`: Indeed's XML job feed, every active posting of every language, each
/// text in CDATA (Indeed takes no entity references). `referencenumber` is the posting's
/// `identifier` and language, unique and stable (the slug is added for an identifier two
/// postings of one language share); `requisitionid` is the `identifier` the translations share.
package struct IndeedFormat: OutputFormat {
    package static let fileName = "indeed.xml"
    package let config: Config

    package static let id = "indeed"
    /// Only active postings have one.
    package static let partStatuses: Set<PostingStatus> = [.active]

    package func violations(in bytes: Data) -> [String] {
        WellFormedness.xmlProblems(bytes)
    }

    package func files(_ config: Config) -> [URL] {
        [config.exportsDirectory.appendingPathComponent(Self.fileName)]
    }

    package func writers(_ build: FormatBuild) throws(DiagnosticError) -> [any FormatWriter] {
        let updated = config.languageCodes.map { build.catalog.lastChange(in: $0) }.max() ?? build.catalog.now
        let file = config.exportsDirectory.appendingPathComponent(Self.fileName)
        return [try build.export(file, format: id, header: UInt64(bitPattern: Int64(updated.seconds)), partKind: id) { output throws(DiagnosticError) in
            // Counted only for a feed that is written: a kept one needs no references. The
            // table has room for every posting at once (grown as it filled, it was hashed anew
            // a dozen times a build), and the entries are read by index (`for entry in` copied
            // each out, retaining its posting while the other core hashed the same postings
            // for the fingerprints).
            let entries = build.catalog.entries
            var seen: [String: Int] = [:]
            seen.reserveCapacity(entries.count)
            for index in entries.indices where entries[index].status == .active {
                seen[IndeedJob.reference(of: entries[index].posting), default: 0] += 1
            }
            let shared = Set(seen.lazy.filter { $0.value > 1 }.map(\.key))
            return try IndeedWriter(output: output, config: config, shared: shared, updated: updated, format: id)
        }]
    }

    /// An active posting's job, after its reference number (which the writer adds).
    package func part(_ entry: RenderedEntry) throws(RenderError) -> Data? {
        guard Self.partStatuses.contains(entry.status) else { return nil }
        return IndeedJob.render(entry, company: config.organization.name(in: entry.posting.language))
    }

    package init(config: Config) {
        self.config = config
    }
}
