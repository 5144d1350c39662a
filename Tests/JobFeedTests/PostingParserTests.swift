import Foundation
import Testing
import JobFeed

@Suite struct PostingParserTests {
    let config: Config

    init() throws {
        let site = try TemporarySite(config: TemporarySite.standardConfig + "\nfields:\n  date: opens\n  validThrough: closes\n")
        defer { site.remove() }
        config = try site.config()
    }

    func parse(_ text: String, at path: String = "en/job.md") -> PostingParser.Outcome {
        let file = PostingFile(url: URL(fileURLWithPath: "/nonexistent/" + path),
                               path: PostingPath(relativePath: path, languages: config.languageCodes),
                               displayPath: "postings/" + path)
        return PostingParser(config: config, fallbackDates: FallbackDates(root: URL(fileURLWithPath: "/nonexistent")))
            .parse(file, data: Data(text.utf8))
    }

    @Test func mappedFieldNamesAndDefaultsFillThePosting() throws {
        let outcome = parse(TemporarySite.posting("title: Designer\nopens: 2026-03-02\ncloses: 2026-04-01\ntranslationKey: designer"))
        let posting = try #require(outcome.posting)
        #expect(outcome.diagnostics.isEmpty)
        #expect(posting.title == "Designer")
        #expect(posting.language == "en")
        #expect(posting.slug == "job")
        #expect(posting.remote?.applicantCountries == ["CA"])
        #expect(posting.employmentTypes == [.fullTime])
        #expect(posting.url == "https://jobs.example.org/en/jobs/job/")
        #expect(posting.validThrough.map { DateFormats.calendarDate($0, in: config.timeZone) } == "2026-04-01")
    }

    /// Hugo's JSON front matter reads like YAML's, and its diagnostics name the file's own lines.
    @Test func jsonFrontMatterIsReadWithItsOwnLines() throws {
        let good = parse("{\n  \"title\": \"Designer\",\n  \"opens\": \"2026-03-02\",\n  \"location\": {\"city\": \"Ottawa\"}\n}\nThe **job**.\n")
        let posting = try #require(good.posting)
        #expect(posting.title == "Designer")
        #expect(posting.body == "The **job**.\n")
        let bad = parse("{\"title\": \"Designer\",\n \"opens\": \"2026-03-02\",\n \"closes\": \"someday\"}\nBody\n")
        #expect(bad.diagnostics.map(\.description).first?.hasPrefix("postings/en/job.md:3:12: error: 'closes' is not a date") == true)
    }

    /// Hugo's default, TOML between `+++` lines, reads like YAML (tables as maps, typed dates
    /// and numbers as their text), and its diagnostics name the file's own lines and columns.
    @Test func tomlFrontMatterIsReadWithItsOwnLines() throws {
        let good = parse("+++\ntitle = 'Designer'\nopens = 2026-03-02T09:00:00-05:00\ncloses = 2026-04-01\nemploymentType = \"\"\"part time\"\"\"\n[location]\ncity = \"Ottawa\"\n+++\nThe **job**.\n")
        let posting = try #require(good.posting)
        #expect(good.diagnostics.isEmpty)
        #expect(posting.title == "Designer")
        #expect(posting.employmentTypes == [.partTime])
        #expect(DateFormats.calendarDate(posting.datePosted, in: config.timeZone) == "2026-03-02")
        #expect(posting.validThrough.map { DateFormats.calendarDate($0, in: config.timeZone) } == "2026-04-01")
        #expect(posting.body == "The **job**.\n")
        let badValue = parse("+++\ntitle = \"Designer\"\nopens = 2026-03-02\n  closes =  'someday'\n[params]\nx = 1\n+++\nBody\n")
        #expect(badValue.diagnostics.map(\.description).first?.hasPrefix("postings/en/job.md:4:13: error: 'closes' is not a date") == true,
                "\(badValue.diagnostics.map(\.description))")
        let badSyntax = parse("+++\ntitle = \"Designer\"\nopens = 2026-02-30\n+++\nBody\n")
        #expect(badSyntax.posting == nil)
        #expect(badSyntax.diagnostics.map(\.description) == ["postings/en/job.md:3:9: error: invalid TOML front matter: not a date of the calendar"])
    }

    @Test func aBadDateNamesTheFileLineAndTheExpectedForm() {
        let outcome = parse(TemporarySite.posting("title: Designer\nopens: 2026-03-02\n\ncloses: someday"))
        #expect(outcome.posting == nil)
        #expect(outcome.diagnostics.map(\.description) == [
            "postings/en/job.md:5:9: error: 'closes' is not a date: 'someday' (expected YYYY-MM-DD, YYYY-MM-DDTHH:MM:SS with an optional offset, or a date such as 'July 19, 2021 at 9:00am EDT' or '19 juillet 2021 à 9 h')",
        ])
    }

    /// An alias is the node its anchor names, mark and all: a bad value aliased three times
    /// in a list is one mistake, said once.
    @Test func aBadValueAliasedInAListIsReportedOnce() {
        let outcome = parse(TemporarySite.posting("title: A\nopens: 2026-03-02\nx: &bad [1]\nlocations: [*bad, *bad, *bad]"))
        #expect(outcome.diagnostics.map(\.description) == [
            "postings/en/job.md:4:4: error: each location must be a mapping with street, city, region, postalCode, country",
        ])
    }

    @Test(arguments: [
        ("Full-time", EmploymentType.fullTime), ("part time", .partTime), ("CONTRACTOR", .contractor),
        ("contract", .contractor), ("Temps plein", .fullTime), ("stage", .intern), ("per_diem", .perDiem),
    ])
    func employmentTypesAcceptHumanForms(text: String, type: EmploymentType) throws {
        let outcome = parse(TemporarySite.posting("title: A\nopens: 2026-03-02\nemploymentType: \(text)"))
        #expect(try #require(outcome.posting).employmentTypes == [type])
    }

    @Test func anUnknownEmploymentTypeSuggestsTheNearest() {
        let outcome = parse(TemporarySite.posting("title: A\nopens: 2026-03-02\nemploymentType: FULLTIME_"))
        #expect(outcome.diagnostics.map(\.message) == ["unknown employment type 'FULLTIME_'; did you mean 'FULL_TIME'?"])
    }

    @Test(arguments: [
        ("fr/emploi.md", "", "fr", "emploi"),
        ("careers/designer.fr.md", "", "fr", "careers/designer"),
        ("en/jobs/designer/index.md", "", "en", "jobs/designer"),
        ("anything/job.md", "lang: fr", "fr", "anything/job"),
        ("en/job.md", "slug: custom-name", "en", "custom-name"),
    ])
    func languageAndSlugComeFromFrontMatterThenPath(path: String, extra: String, language: String, slug: String) throws {
        let outcome = parse(TemporarySite.posting("title: A\nopens: 2026-03-02\n" + extra), at: path)
        let posting = try #require(outcome.posting)
        #expect(posting.language == language)
        #expect(posting.slug == slug)
    }

    @Test func aLanguageTheConfigDoesNotListIsAnError() {
        let outcome = parse(TemporarySite.posting("title: A\nopens: 2026-03-02\nlang: de"))
        #expect(outcome.posting == nil)
        #expect(outcome.diagnostics.first?.message.hasPrefix("language 'de' is not configured") == true)
    }

    @Test(arguments: ["../../etc/passwd", "/etc/passwd", ".hidden", "a/b"])
    func aSlugCannotLeaveItsFolder(slug: String) {
        let outcome = parse(TemporarySite.posting("title: A\nopens: 2026-03-02\nslug: '\(slug)'"))
        #expect(outcome.posting == nil)
    }

    @Test func salaryIsCheckedAndNormalized() throws {
        let good = parse(TemporarySite.posting("title: A\nopens: 2026-03-02\nsalary: {min: 40, max: 50, currency: cad, unit: hourly}"))
        #expect(try #require(good.posting).salary == Salary(minimum: 40, maximum: 50, currency: "CAD", unit: .hour))
        let bad = parse(TemporarySite.posting("title: A\nopens: 2026-03-02\nsalaryMin: 90000\nsalaryMax: 80000\nsalaryCurrency: XYZ\nsalaryUnit: fortnight"))
        #expect(bad.posting == nil)
        #expect(bad.diagnostics.map(\.message) == [
            "the salary minimum (90000) is above the maximum (80000); swap them",
            "unknown currency 'XYZ'; use an ISO 4217 code such as CAD, USD or EUR",
            "unknown salary unit 'fortnight'; use one of HOUR, DAY, WEEK, MONTH, YEAR",
        ])
    }

    @Test func anAddressNeedsACountryAndOnSiteJobsNeedAnAddress() throws {
        let onSite = parse(TemporarySite.posting("title: A\nopens: 2026-03-02\nremote: false\ncity: Ottawa\nregion: ON\ncountry: CA"))
        #expect(try #require(onSite.posting).locations == [Location(street: nil, city: "Ottawa", region: "ON", postalCode: nil, country: "CA")])
        let nowhere = parse(TemporarySite.posting("title: A\nopens: 2026-03-02\nremote: false"))
        #expect(nowhere.diagnostics.first?.message.hasPrefix("no place of work") == true)
    }

    @Test func missingTitleAndBrokenYAMLPointAtTheirLines() {
        let untitled = parse(TemporarySite.posting("opens: 2026-03-02"))
        #expect(untitled.diagnostics.first?.message.hasPrefix("missing required field 'title'") == true)
        let broken = parse("---\ntitle: 'It's broken'\n---\n")
        #expect(broken.diagnostics.first?.line == 2)
        let duplicated = parse("---\ntitle: A\ntitle: B\n---\n")
        #expect(duplicated.diagnostics.first?.message == "duplicate key 'title'; keep one of them")
    }

    @Test func invalidUTF8IsReportedWithItsLine() {
        var data = Data("---\ntitle: A\n".utf8)
        data.append(contentsOf: [0xC3, 0x28])
        let file = PostingFile(url: URL(fileURLWithPath: "/x"), path: PostingPath(relativePath: "en/x.md", languages: ["en"]), displayPath: "x.md")
        let outcome = PostingParser(config: config, fallbackDates: FallbackDates(root: URL(fileURLWithPath: "/"))).parse(file, data: data)
        #expect(outcome.diagnostics.first?.line == 3)
    }
}
