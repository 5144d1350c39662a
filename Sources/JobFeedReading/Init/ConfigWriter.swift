
/// Writes the `jobfeed.yml` that `init` inferred, with a comment saying where each part came from.
package struct ConfigWriter {
    package let site: GeneratorSite
    package let languages: [GeneratorSite.Language]
    package let baseURL: String
    package let timeZone: String
    package let folder: String
    package let template: String
    /// The page that lists the jobs, the feeds' alternate link.
    package let listing: String
    package let inference: MappingInference
    /// What below the postings folder is not postings, which `exclude:` names: other sections
    /// and pages of the site, Markdown with no front matter.
    package let notPostings: [String]

    package static let currencies = ["CA": "CAD", "US": "USD", "GB": "GBP", "AU": "AUD", "NZ": "NZD", "IE": "EUR", "FR": "EUR", "DE": "EUR",
                             "NL": "EUR", "ES": "EUR", "IT": "EUR", "BE": "EUR", "PT": "EUR", "CH": "CHF", "IN": "INR", "JP": "JPY"]

    package var text: String {
        var lines = ["# jobfeed configuration written by `jobfeed init`" + (site.configFile.map { " from \($0) and" } ?? " from") + " the postings' front matter.",
                     "# Every key is documented in jobfeed's README; run `jobfeed check` after any change.",
                     "baseURL: \(quoted(baseURL))",
                     "timeZone: \(quoted(timeZone))" + (site.timeZone == nil ? "   # not found in the site's config: UTC assumed" : ""),
                     "postings: \(quoted(folder))"]
        if !notPostings.isEmpty {
            lines.append("exclude: [" + notPostings.map { quoted(Self.literalPattern($0)) }.joined(separator: ", ") + "]   # not postings: other sections, Markdown with no front matter")
        }
        if site.conventions != .none { lines.append("conventions: \(site.conventions.rawValue)") }
        if site.disablePathToLower { lines.append("disablePathToLower: true   # as the site's config: pages keep their paths' case") }
        if site.removePathAccents { lines.append("removePathAccents: true   # as the site's config: pages' paths lose their accents") }
        if languages.count > 1, let fallback = site.defaultLanguage ?? languages.first?.code {
            lines.append("defaultLanguage: \(fallback)")
            if site.conventions == .hugo, !site.defaultLanguageInSubdir {
                lines.append("defaultLanguageInSubdir: false   # as the site's config: \(fallback) pages have no /\(fallback)/ ({langPrefix})")
            }
        }
        lines += ["", "languages:"]
        for language in languages {
            let title = language.title ?? site.title ?? "Jobs"
            lines += ["  - code: \(language.code)", "    locale: \(language.locale ?? language.code)", "    title: \(quoted(title))", "    description: \(quoted(title))"]
        }
        lines += ["", "urls:", "  posting: \(quoted(template))", "  listing: \(quoted(listing))", "", "organization:", "  name: \(quoted(site.title ?? "Your organization"))   # the hiring organization",
                  "  url: \(quoted(baseURL))", "  # logo: https://…/logo.png   (Google recommends one)"]
        lines += fields
        lines += defaults
        return lines.joined(separator: "\n") + "\n"
    }

    private var fields: [String] {
        let mappings = inference.mappings.filter(\.needsMapping)
        guard !mappings.isEmpty else { return [] }
        var lines = ["", "fields:   # where this site keeps each of jobfeed's fields"]
        for mapping in mappings {
            let keys = mapping.keys.count == 1 ? quoted(mapping.keys[0]) : "[" + mapping.keys.map(quoted).joined(separator: ", ") + "]"
            if mapping.values.isEmpty {
                lines.append("  \(mapping.field.rawValue): \(keys)")
            } else {
                let values = mapping.values.sorted { $0.key < $1.key }.map { "\(quoted($0.key)): \($0.value)" }.joined(separator: ", ")
                lines.append("  \(mapping.field.rawValue): {from: \(keys), values: {\(values)}}")
            }
        }
        return lines
    }

    private var defaults: [String] {
        var lines: [String] = []
        let mapped = Set(inference.mappings.map(\.field))
        if let country = inference.country {
            if !mapped.contains(.country) { lines.append("  country: \(country)   # where most of the postings' places are") }
            if mapped.contains(.salary) || mapped.contains(.salaryMin) || mapped.contains(.salaryMax),
               !mapped.contains(.salaryCurrency), let currency = Self.currencies[country] {
                lines.append("  salaryCurrency: \(currency)   # the currency of \(country)")
            }
        }
        if let unit = inference.salaryUnit { lines.append("  salaryUnit: \(unit.rawValue)   # amounts such as \(inference.salaryExample ?? "these") are \(unit == .year ? "yearly" : "hourly")") }
        return lines.isEmpty ? [] : ["", "defaults:"] + lines
    }

    /// A pattern that matches `path` only: glob characters escaped; a path from the postings
    /// folder, so one at its top gets a leading `/` (a bare name matches at any depth).
    package static func literalPattern(_ path: String) -> String {
        let escaped = path.reduce(into: "") { pattern, character in
            if "*?[\\".contains(character) { pattern.append("\\") }
            pattern.append(character)
        }
        return path.contains("/") ? escaped : "/" + escaped
    }

    private func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
