import Foundation
import JobFeedCore
import Yams

/// Reading each field of a posting that takes more than a lookup: its title, identifier,
/// dates, status and employment types.
extension PostingParser {
    func readTitle(_ reader: inout FieldReader) -> String? {
        let node = reader.node(.title)
        let written = node?.scalarText
        if node == nil || written?.trimmed.isEmpty == true {
            reader.error(.title, "missing required field '\(reader.key(.title))'; add a 'title:' line to the front matter")
            return nil
        }
        if let written, PublishedText.visibleLine(written).isEmpty {
            // Published, it would be an empty title in every feed and export.
            reader.error(.title, "the title shows nothing: it has only spaces, control and invisible characters; write the title")
            return nil
        }
        guard let title = reader.words(.title) else { return nil }
        guard title.count <= config.limits.maxTitleLength else {
            reader.error(.title, "the title is \(title.count) characters long, above the limit of \(config.limits.maxTitleLength) (limits.maxTitleLength); shorten it")
            return nil
        }
        return title
    }

    /// The identifier as the exports carry it (Indeed's reference numbers, which must be
    /// unique, are made from it): without characters no reader sees, which XML drops anyway,
    /// so that two identifiers that differ only by them are not published as one. The
    /// translation key, then the slug, when none is written.
    func readIdentifier(_ reader: inout FieldReader, identity: PostingIdentity?) -> String? {
        guard let written = reader.text(.identifier) else {
            return identity.map { $0.translationKey.map(PublishedText.visibleLine).flatMap(\.nilIfEmpty) ?? $0.slug }
        }
        let kept = PublishedText.visibleLine(written)
        if kept.isEmpty {
            reader.error(.identifier, "the identifier shows nothing: it has only spaces, control and invisible characters; write the identifier")
            return nil
        }
        if kept != written.trimmed {
            reader.warning(.identifier, "the identifier has control or invisible characters, which are left out: '\(kept)'")
        }
        return kept
    }

    /// An address as the outputs carry it: each part one line (see `PublishedText`).
    static func published(_ location: Location) -> Location {
        func line(_ part: String?) -> String? { part.map(PublishedText.line).flatMap(\.nilIfEmpty) }
        return Location(street: line(location.street), city: line(location.city), region: line(location.region),
                        postalCode: line(location.postalCode), country: PublishedText.line(location.country))
    }

    func keyLines(_ reader: FieldReader) -> [String: Int] {
        var lines: [String: Int] = [:]
        // Each key, and the field read from it: room for both at once, not grown twice.
        lines.reserveCapacity(2 * reader.frontMatter.count)
        for (key, _) in reader.frontMatter {
            if let name = key.scalarText, !reader.isInherited(name), let line = key.mark?.line { lines[name] = line + reader.source.lineOffset }
        }
        for field in PostingField.allCases {
            if let line = lines[reader.key(field)] { lines[field.rawValue] = line }
        }
        return lines
    }

    /// A bare closing date ends the job at the end of that day, except on a Hugo site, where
    /// `expiryDate: 2026-12-15` takes the page down at the start of the day (the feed must not
    /// link to a page that is gone).
    private var closingBoundary: DateParser.Boundary {
        config.conventions == .hugo ? .startOfDay : .endOfDay
    }

    func readDates(_ reader: inout FieldReader, file: PostingFile) -> (posted: Timestamp, isUndated: Bool, modified: Timestamp, closing: Timestamp?, heldBack: Bool)? {
        let ownDate = reader.date(.date)
        let modified = reader.date(.updated)
        let closing = reader.date(.validThrough, boundary: closingBoundary)
        if reader.own(.date) != nil, ownDate == nil, reader.diagnostics.contains(where: { $0.severity == .error }) { return nil }
        var posted: Timestamp
        if let ownDate {
            posted = ownDate
        } else if config.conventions == .jekyll, let fromName = JekyllFileName.date(of: file.path.relativePath, parser: reader.dates) {
            posted = fromName
        } else {
            let fallback = fallbackDates.date(for: file)
            if let warning = fallback.warning { reader.record(warning) }
            posted = fallback.date
        }
        if let closing, closing < posted, ownDate != nil {
            reader.error(.validThrough, "'\(reader.key(.validThrough))' is before the posting's date ('\(reader.key(.date))'); fix one of the two dates")
        }
        let hidden = UnreadVisibilityKeys(&reader, posted: posted)
        if let notBefore = hidden.notBefore { posted = notBefore }
        let lastDay = [closing, hidden.notAfter].compactMap { $0 }.min()
        return (posted, ownDate == nil && hidden.notBefore == nil, max(modified ?? posted, posted), lastDay, hidden.heldBack)
    }

    /// Jekyll's `published: false` keeps a page out of the site like a draft.
    func readUnpublished(_ reader: inout FieldReader) -> Bool {
        guard config.conventions == .jekyll, let node = reader.values["published"] else { return false }
        return node.boolValue == false
    }

    /// A site's own status field, mapped by the config to active, archived or draft.
    func readStatus(_ reader: inout FieldReader) -> String? {
        guard config.fieldSources[.status]?.values != nil else { return nil }
        return reader.text(.status)
    }

    func readEmploymentTypes(_ reader: inout FieldReader) -> [EmploymentType] {
        if reader.node(.employmentType) == nil {
            reader.record(.warning("no '\(reader.key(.employmentType))'; Google recommends one: add 'employmentType: FULL_TIME' (or set it under 'defaults:')", at: SourceLocation(file: reader.source.file)))
        }
        var types: [EmploymentType] = []
        for text in reader.list(.employmentType) {
            if let type = EmploymentType(text: text) {
                if !types.contains(type) { types.append(type) }
            } else {
                let nearest = Suggestion.nearest(to: EmploymentType.normalize(text), in: EmploymentType.suggestions)
                    .flatMap(EmploymentType.init(text:))?.rawValue
                let hint = nearest.map { "did you mean '\($0)'?" } ?? "use one of " + EmploymentType.allCases.map(\.rawValue).joined(separator: ", ")
                reader.error(.employmentType, "unknown employment type '\(text)'; \(hint)")
            }
        }
        return types
    }
}
