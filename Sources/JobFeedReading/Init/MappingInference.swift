import Foundation
import JobFeedCore

/// Infers from a survey of a site's front matter where each canonical field lives: by the
/// key's name, confirmed by its values (dates that parse, amounts, URLs, places the gazetteer
/// knows, a handful of status words). Says what it inferred and what it could not decide.
package struct MappingInference {
    package struct Mapping: Equatable {
        package var field: PostingField
        /// The site's key (a dotted path, or several keys).
        package var keys: [String]
        /// For a status field: the site's words and what they mean.
        package var values: [String: String] = [:]
        package var reason: String

        /// Whether the config needs a line for it: not when the site uses jobfeed's own name.
        package var needsMapping: Bool { keys != [field.rawValue] || !values.isEmpty }
    }

    package private(set) var mappings: [Mapping] = []
    /// A `permalink`-style key that gives each page's path.
    package private(set) var permalinkKey: String?
    /// Questions for the person running `init`.
    package private(set) var questions: [String] = []
    /// The country most recognised places are in, and its currency.
    package private(set) var country: String?
    /// The pay period amounts imply when no key names one: yearly from 10,000 up, hourly below 200.
    package private(set) var salaryUnit: Salary.Unit?
    package private(set) var salaryExample: String?

    package static let names: [(PostingField, [String])] = [
        (.date, ["date", "opens", "opendate", "opening", "openingdate", "startdate", "posted", "dateposted", "publishdate", "postdate", "published_at"]),
        (.validThrough, ["validthrough", "closes", "closedate", "closing", "closingdate", "deadline", "expires", "expirydate", "expirationdate", "enddate", "applyby", "applicationdeadline"]),
        (.updated, ["updated", "lastmod", "modified", "lastmodified", "updatedat"]),
        (.salaryMin, ["salarymin", "minsalary", "salarylow", "paymin", "minpay", "salaryfrom", "compensationmin", "wagemin"]),
        (.salaryMax, ["salarymax", "maxsalary", "salaryhigh", "paymax", "maxpay", "salaryto", "compensationmax", "wagemax"]),
        (.salary, ["salary", "pay", "compensation", "wage", "salaryrange", "payrange"]),
        (.salaryCurrency, ["salarycurrency", "currency"]),
        (.salaryUnit, ["salaryunit", "payperiod", "salaryperiod", "payunit"]),
        (.applyUrl, ["applyurl", "applicationurl", "applylink", "apply", "applicationlink", "applyhref"]),
        (.place, ["location", "locations", "place", "office", "offices", "where", "joblocation", "worklocation"]),
        (.identifier, ["identifier", "id", "jobid", "reqid", "requisitionid", "requisition", "leverid", "greenhouseid", "referencenumber", "announcementnumber", "jobnumber"]),
        (.employmentType, ["employmenttype", "jobtype", "schedule", "worktype", "contracttype", "employment"]),
        (.category, ["category", "categories", "tags", "department", "team"]),
        (.archived, ["archived", "closed", "filled", "expired"]),
        (.draft, ["draft", "hidden", "unpublished"]),
        (.translationKey, ["translationkey", "ref", "i18nkey", "translationid"]),
        (.description, ["description", "summary", "excerpt", "teaser", "lede"]),
        (.lang, ["lang", "language", "locale"]),
    ]
    package static let statusMeanings: [String: String] = [
        "open": "active", "active": "active", "published": "active", "live": "active", "current": "active", "ouvert": "active",
        "closed": "archived", "filled": "archived", "expired": "archived", "archived": "archived", "cancelled": "archived", "fermé": "archived",
        "upcoming": "draft", "draft": "draft", "pending": "draft", "soon": "draft", "future": "draft", "à venir": "draft",
    ]

    package init(_ survey: FrontMatterSurvey, conventions: SiteConventions, timeZone: TimeZone) {
        let dates = DateParser(timeZone: timeZone)
        var taken: Set<String> = []
        for (field, names) in Self.names {
            if conventions == .hugo, [.date, .validThrough, .updated, .category].contains(field) { continue }
            let candidates = survey.ordered.filter { !taken.contains($0.name) && names.contains(Self.normalize(Self.ownName($0.name))) }
            guard let key = candidates.first(where: { Self.plausible($0, for: field, dates: dates) }) else { continue }
            taken.insert(key.name)
            if field == .place, key.isMapping {
                for part in ["street", "city", "region", "postalCode", "country"] {
                    let nested = survey.keys.keys.first { $0.lowercased() == (key.name + "." + part).lowercased() }
                        ?? (part == "region" ? survey.keys.keys.first { $0.lowercased() == key.name.lowercased() + ".state" || $0.lowercased() == key.name.lowercased() + ".province" } : nil)
                    if let nested, let canonical = PostingField(rawValue: part) {
                        mappings.append(Mapping(field: canonical, keys: [nested], reason: "'\(nested)' holds the \(part)"))
                        taken.insert(nested)
                    }
                }
                continue
            }
            mappings.append(Mapping(field: field, keys: [key.name], reason: Self.reason(key, field)))
        }
        inferStatus(survey, taken: &taken)
        // Only a key every posting has makes the template: with one posting's `url:`, every
        // other posting would have no URL (Hugo's `url:` and Jekyll's `permalink:` are read
        // per posting anyway, under their conventions).
        if let key = survey.ordered.first(where: { ["permalink", "url"].contains($0.name.lowercased()) && $0.samples.allSatisfy { $0.hasPrefix("/") } && !$0.samples.isEmpty && $0.files == survey.files }) {
            permalinkKey = key.name
            taken.insert(key.name)
        }
        inferCountry(survey)
        inferSalaryUnit(survey)
        ask(survey, taken: taken)
    }

    private mutating func inferSalaryUnit(_ survey: FrontMatterSurvey) {
        guard !mappings.contains(where: { $0.field == .salaryUnit }) else { return }
        let samples = mappings.filter { [.salary, .salaryMin, .salaryMax].contains($0.field) }.compactMap { survey.keys[$0.keys[0]] }.flatMap(\.samples)
        let amounts = samples.compactMap { MoneyText.parseRange($0) }.compactMap { $0.low ?? $0.high }.filter { $0.unit == nil }.map(\.amount).sorted()
        guard !amounts.isEmpty else { return }
        let median = amounts[amounts.count / 2]
        salaryUnit = median >= 10_000 ? .year : median < 200 ? .hour : nil
        salaryExample = samples.first
        if salaryUnit == nil { questions.append("salary amounts such as '\(samples[0])' name no period: add 'salaryUnit:' under 'defaults:' (HOUR, DAY, WEEK, MONTH or YEAR)") }
    }

    package static func normalize(_ name: String) -> String {
        name.lowercased().filter { $0.isLetter || $0.isNumber }
    }

    /// A key's name as the site means it: Hugo keeps a page's own fields under `params`
    /// (`params.location`), which its templates read as they read top-level ones.
    static func ownName(_ name: String) -> String {
        name.lowercased().hasPrefix("params.") ? String(name.dropFirst("params.".count)) : name
    }

    /// Whether most of a key's values fit the field.
    private static func plausible(_ key: FrontMatterSurvey.Key, for field: PostingField, dates: DateParser) -> Bool {
        let values = key.samples.filter { !Config.defaultPlaceholders.contains($0.lowercased()) }
        func mostly(_ test: (String) -> Bool) -> Bool { values.isEmpty || values.filter(test).count * 2 >= values.count }
        switch field {
        case .date, .validThrough, .updated: return !values.isEmpty && mostly { dates.parse($0) != nil }
        case .salaryMin, .salaryMax, .salary: return !key.isMapping && mostly { MoneyText.parseRange($0) != nil }
        case .applyUrl: return mostly { URLResolver.isAbsoluteHTTP($0) || $0.hasPrefix("mailto:") || $0.hasPrefix("/") }
        case .place: return key.isMapping || mostly { text in let place = FreeTextPlace(text, defaultCountry: nil); return place.isRemote || !place.locations.isEmpty }
        case .employmentType: return mostly { EmploymentType(text: $0) != nil }
        case .archived, .draft: return mostly { ["true", "false", "yes", "no"].contains($0.lowercased()) }
        default: return true
        }
    }

    private static func reason(_ key: FrontMatterSurvey.Key, _ field: PostingField) -> String {
        let examples = key.samples.prefix(2).map { "'\($0)'" }.joined(separator: ", ")
        return "'\(key.name)' (in \(key.files) files\(examples.isEmpty ? "" : ", e.g. \(examples)")) is the \(field.rawValue)"
    }

    /// A key with a handful of words that say whether a job is open, closed or to come.
    private mutating func inferStatus(_ survey: FrontMatterSurvey, taken: inout Set<String>) {
        for key in survey.ordered where !taken.contains(key.name) && !key.isMapping && (1...8).contains(key.distinct.count) {
            let words = key.samples.map { $0.lowercased() }
            let known = words.filter { Self.statusMeanings[$0] != nil }
            guard known.count * 2 > words.count, Set(known.compactMap { Self.statusMeanings[$0] }).count > 1 || known.contains("closed") || known.contains("open") else { continue }
            var values: [String: String] = [:]
            for word in words { if let meaning = Self.statusMeanings[word] { values[word] = meaning } }
            for word in words where values[word] == nil { questions.append("'\(key.name)' holds '\(word)', which jobfeed cannot place: add it under fields.status.values as active, archived or draft") }
            mappings.append(Mapping(field: .status, keys: [key.name], values: values,
                                    reason: "'\(key.name)' holds \(words.map { "'\($0)'" }.joined(separator: ", ")): the posting's status"))
            taken.insert(key.name)
            return
        }
    }

    private mutating func inferCountry(_ survey: FrontMatterSurvey) {
        var counts: [String: Int] = [:]
        for mapping in mappings where mapping.field == .place || mapping.field == .country {
            for sample in mapping.keys.compactMap({ survey.keys[$0] }).flatMap(\.samples) {
                if mapping.field == .country { counts[sample.uppercased(), default: 0] += 1 }
                for location in FreeTextPlace(sample, defaultCountry: nil).locations { counts[location.country, default: 0] += 1 }
            }
        }
        country = counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
    }

    /// Keys in most files with a few distinct words that nothing took: ask what they are.
    private mutating func ask(_ survey: FrontMatterSurvey, taken: Set<String>) {
        let known = Set(Self.names.flatMap(\.1)).union(["title", "layout", "type", "slug", "weight", "aliases", "author", "image", "thumb", "permalink", "url"])
        for key in survey.ordered where !taken.contains(key.name) && !known.contains(Self.normalize(Self.ownName(key.name))) && !key.isMapping
            && key.files * 2 >= survey.files && (2...10).contains(key.distinct.count) {
            let words = key.samples.prefix(3).map { "'\($0)'" }.joined(separator: ", ")
            questions.append("'\(key.name)' holds \(words): is it the hiring organization, a category, or neither? Map it under 'fields:' if it is one of jobfeed's fields")
        }
    }
}
