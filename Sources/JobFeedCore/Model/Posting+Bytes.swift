/// A posting as bytes, for the build cache in the state folder: every field but its body (which
/// the cache keeps apart, see `BodyText`), in this order. Adding a field means adding it here
/// (and raising `CacheIndex.format`), or a cached posting would come back without it.
extension Posting {
    package func write(to writer: inout ByteWriter) {
        let fields = self
        fields.source.write(to: &writer)
        writer.append(fields.language)
        writer.append(fields.slug)
        writer.append(fields.translationKey) { $0.append($1) }
        writer.append(fields.title)
        writer.append(fields.summary)
        fields.datePosted.write(to: &writer)
        writer.append(fields.isUndated)
        fields.dateModified.write(to: &writer)
        writer.append(fields.validThrough) { $1.write(to: &$0) }
        writer.append(fields.isArchived)
        writer.append(fields.isDraft)
        writer.append(fields.employmentTypes.map(\.rawValue))
        writer.append(fields.locations.count)
        for location in fields.locations {
            for part in [location.street, location.city, location.region, location.postalCode] { writer.append(part) { $0.append($1) } }
            writer.append(location.country)
        }
        writer.append(fields.remote) { $0.append($1.applicantCountries) }
        writer.append(fields.salary) { writer, salary in
            writer.append(salary.minimum) { $0.append($1) }
            writer.append(salary.maximum) { $0.append($1) }
            writer.append(salary.currency)
            writer.append(salary.unit.rawValue)
        }
        writer.append(fields.identifier)
        writer.append(fields.directApply)
        writer.append(fields.url)
        writer.append(fields.applyURL)
        let links = fields.linkValues.sorted { $0.key < $1.key }
        writer.append(links.map(\.key))
        writer.append(links.map(\.value))
        writer.append(fields.categories)
    }

    /// The posting `write(to:)` wrote, with the body kept apart.
    package static func read(from reader: inout ByteReader, body: BodyText) throws(ByteReader.Malformed) -> Posting {
        let source = try PostingSource.read(from: &reader)
        let language = try reader.string()
        let slug = try reader.string()
        let translationKey = try reader.optional { reader throws(ByteReader.Malformed) in try reader.string() }
        let title = try reader.string()
        let summary = try reader.string()
        let datePosted = try Timestamp.read(from: &reader)
        let isUndated = try reader.bool()
        let dateModified = try Timestamp.read(from: &reader)
        let validThrough = try reader.optional { reader throws(ByteReader.Malformed) in try Timestamp.read(from: &reader) }
        let isArchived = try reader.bool()
        let isDraft = try reader.bool()
        var employmentTypes: [EmploymentType] = []
        for raw in try reader.strings() {
            guard let type = EmploymentType(rawValue: raw) else { throw ByteReader.Malformed() }
            employmentTypes.append(type)
        }
        var locations: [Location] = []
        for _ in 0..<(try reader.count()) {
            var parts: [String?] = []
            for _ in 0..<4 { parts.append(try reader.optional { reader throws(ByteReader.Malformed) in try reader.string() }) }
            locations.append(Location(street: parts[0], city: parts[1], region: parts[2], postalCode: parts[3], country: try reader.string()))
        }
        let remote = try reader.optional { reader throws(ByteReader.Malformed) in RemoteWork(applicantCountries: try reader.strings()) }
        let salary = try reader.optional { reader throws(ByteReader.Malformed) -> Salary in
            let minimum = try reader.optional { reader throws(ByteReader.Malformed) in try reader.double() }
            let maximum = try reader.optional { reader throws(ByteReader.Malformed) in try reader.double() }
            let currency = try reader.string()
            guard let unit = Salary.Unit(rawValue: try reader.string()) else { throw ByteReader.Malformed() }
            return Salary(minimum: minimum, maximum: maximum, currency: currency, unit: unit)
        }
        let identifier = try reader.string()
        let directApply = try reader.bool()
        let url = try reader.string()
        let applyURL = try reader.string()
        let keys = try reader.strings()
        let values = try reader.strings()
        guard keys.count == values.count else { throw ByteReader.Malformed() }
        let categories = try reader.strings()
        var fields = Fields(
            source: source, language: language, slug: slug, translationKey: translationKey, title: title, summary: summary, body: "",
            datePosted: datePosted, isUndated: isUndated, dateModified: dateModified, validThrough: validThrough, isArchived: isArchived,
            isDraft: isDraft, employmentTypes: employmentTypes, locations: locations, remote: remote, salary: salary, identifier: identifier,
            directApply: directApply, url: url, applyURL: applyURL, linkValues: Dictionary(uniqueKeysWithValues: zip(keys, values)),
            categories: categories)
        fields.bodyText = body
        return Posting(fields)
    }
}

extension PostingSource {
    package func write(to writer: inout ByteWriter) {
        writer.append(displayPath)
        writer.append(relativePath)
        writer.append(absolutePath)
        writer.append(bytes: keyLines.bytes)
        writer.append(stamp) { $1.write(to: &$0) }
    }

    package static func read(from reader: inout ByteReader) throws(ByteReader.Malformed) -> PostingSource {
        let displayPath = try reader.string()
        let relativePath = try reader.string()
        let absolutePath = try reader.string()
        let keyLines = try KeyLines(bytes: try reader.byteArray())
        let stamp = try reader.optional { reader throws(ByteReader.Malformed) in try FileStamp.read(from: &reader) }
        return PostingSource(displayPath: displayPath, relativePath: relativePath, absolutePath: absolutePath, keyLines: keyLines, stamp: stamp)
    }
}

extension Timestamp {
    package func write(to writer: inout ByteWriter) {
        writer.append(seconds)
        writer.append(isDateOnly)
    }

    package static func read(from reader: inout ByteReader) throws(ByteReader.Malformed) -> Timestamp {
        Timestamp(seconds: try reader.int64(), isDateOnly: try reader.bool())
    }
}

extension FileStamp {
    package func write(to writer: inout ByteWriter) {
        writer.append(size)
        writer.append(modifiedSeconds)
        writer.append(modifiedNanoseconds)
        writer.append(inode)
    }

    package static func read(from reader: inout ByteReader) throws(ByteReader.Malformed) -> FileStamp {
        FileStamp(size: try reader.int64(), modifiedSeconds: try reader.int(), modifiedNanoseconds: try reader.int(), inode: try reader.uint64())
    }
}

extension Diagnostic {
    package func write(to writer: inout ByteWriter) {
        writer.append(severity == .error)
        writer.append(file)
        writer.append(line) { $0.append($1) }
        writer.append(column) { $0.append($1) }
        writer.append(message)
    }

    package static func read(from reader: inout ByteReader) throws(ByteReader.Malformed) -> Diagnostic {
        let severity: Severity = try reader.bool() ? .error : .warning
        let file = try reader.string()
        let line = try reader.optional { reader throws(ByteReader.Malformed) in try reader.int() }
        let column = try reader.optional { reader throws(ByteReader.Malformed) in try reader.int() }
        return Diagnostic(severity, file: file, line: line, column: column, try reader.string())
    }
}
