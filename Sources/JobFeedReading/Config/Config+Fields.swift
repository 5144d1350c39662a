import JobFeedCore
import Yams

extension Config {
    package static let fieldSourceKeys = ["from", "values"]
    package static let statusValues = ["active", "archived", "draft"]

    /// `fields:` maps each canonical field to where a site keeps it: a key (`closes`), a dotted
    /// path into nested maps (`location.city`), a list tried in order (`[tags, categories]`),
    /// or `{from: KEY-OR-LIST, values: {SITE-VALUE: JOBFEED-VALUE}}`.
    package static func readFieldSources(_ reader: inout MappingReader) -> [PostingField: FieldSource] {
        guard var section = reader.child("fields") else { return [:] }
        var sources: [PostingField: FieldSource] = [:]
        for (name, _, node) in section.pairs {
            guard let field = PostingField(rawValue: name) else { continue }
            if let source = readFieldSource(node, field: field, section: &section) { sources[field] = source }
        }
        if let status = sources[.status], status.values == nil {
            section.fail("'fields.status' needs 'values:', what each of the site's words means (active, archived or draft)", at: section.value("status"))
        }
        section.rejectUnknownKeys(PostingField.allNames)
        reader.absorb(section)
        return sources
    }

    private static func readFieldSource(_ node: Node, field: PostingField, section: inout MappingReader) -> FieldSource? {
        if let keys = node.scalarList, !keys.isEmpty, keys.allSatisfy({ !$0.trimmed.isEmpty }) {
            return FieldSource(paths: keys.map { FieldSource.path($0.trimmed) })
        }
        guard node.mapping != nil else {
            section.fail("'fields.\(field.rawValue)' must be a key, a list of keys, or {from:, values:}", at: node)
            return nil
        }
        var entry = MappingReader(node, path: "fields.\(field.rawValue)", source: section.source)
        let keys = entry.strings("from")
        if keys.isEmpty { entry.fail("'fields.\(field.rawValue).from' names the key (or keys) to read", at: node) }
        var values: [String: String]?
        if var map = entry.child("values") {
            values = [:]
            for (siteValue, _, _) in map.pairs {
                guard let meaning = map.string(siteValue) else { continue }
                if field == .status, !statusValues.contains(meaning) {
                    map.fail("'\(meaning)' is not a status; use one of \(statusValues.joined(separator: ", "))", at: map.value(siteValue))
                }
                values?[siteValue.trimmed.lowercased()] = meaning
            }
            entry.absorb(map)
        }
        entry.rejectUnknownKeys(fieldSourceKeys)
        section.absorb(entry)
        return keys.isEmpty ? nil : FieldSource(paths: keys.map { FieldSource.path($0.trimmed) }, values: values)
    }

    /// `conventions:`, `caseInsensitiveKeys:`, `defaultLanguage:`, `placeholders:`, `outputs:`,
    /// `gzip:`, `spares:`, `websub:`, `exclude:`, `disablePathToLower:`, `removePathAccents:` and
    /// `defaultLanguageInSubdir:`.
    package static func readSiteRules(_ reader: inout MappingReader, into config: inout Config, outputs known: [String]) {
        if let name = reader.string("conventions") {
            if let conventions = SiteConventions(rawValue: name.lowercased()) {
                config.conventions = conventions
            } else {
                reader.fail("unknown conventions '\(name)'; use one of \(SiteConventions.allCases.map(\.rawValue).joined(separator: ", "))", at: reader.value("conventions"))
            }
        }
        config.caseInsensitiveKeys = reader.value("caseInsensitiveKeys")?.boolValue ?? config.conventions.keysIgnoreCase
        if let language = reader.string("defaultLanguage") {
            if config.languageCodes.contains(language) {
                config.defaultLanguage = language
            } else {
                reader.fail("'defaultLanguage' is '\(language)', which is not under 'languages:'", at: reader.value("defaultLanguage"))
            }
        }
        if var websub = reader.child("websub") {
            if let hub = websub.string("hub", required: true) {
                if URLResolver.isAbsoluteHTTP(hub) { config.websubHub = hub } else { websub.fail("'websub.hub' must be an absolute http(s) URL", at: websub.value("hub")) }
            }
            websub.rejectUnknownKeys(["hub"])
            reader.absorb(websub)
        }
        for (key, setting) in [("gzip", \Config.gzip), ("spares", \.spares), ("disablePathToLower", \.disablePathToLower), ("removePathAccents", \.removePathAccents),
                               ("defaultLanguageInSubdir", \.defaultLanguageInSubdir)] {
            guard let node = reader.value(key) else { continue }
            if let value = node.boolValue { config[keyPath: setting] = value } else { reader.fail("'\(key)' must be true or false", at: node) }
        }
        if !config.defaultLanguageInSubdir, config.defaultLanguage == nil {
            reader.fail("'defaultLanguageInSubdir: false' needs 'defaultLanguage:', the language whose pages are at the site's root", at: reader.value("defaultLanguageInSubdir"))
        }
        if config.conventions != .hugo, config.disablePathToLower || config.removePathAccents {
            reader.fail("'disablePathToLower' and 'removePathAccents' are Hugo's path rules; set 'conventions: hugo' or remove them", at: reader.value("disablePathToLower") ?? reader.value("removePathAccents"))
        }
        if reader.value("outputs") != nil {
            let names = reader.strings("outputs")
            for name in names where !known.contains(name) {
                reader.fail("unknown output '\(name)'; \(Suggestion.hint(for: name, in: known))", at: reader.value("outputs"))
            }
            config.outputs = Set(names.filter(known.contains))
        }
        if reader.value("placeholders") != nil {
            config.placeholders = Set(reader.strings("placeholders").map { $0.trimmed.lowercased() })
        }
        if let node = reader.value("exclude") {
            let patterns = reader.strings("exclude").map(\.trimmed)
            if patterns.contains(where: \.isEmpty) { reader.fail("'exclude' patterns must not be empty", at: node) }
            config.exclude = patterns.filter { !$0.isEmpty }
        }
    }
}
