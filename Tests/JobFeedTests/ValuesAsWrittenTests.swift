import Foundation
import Testing
import JobFeed

/// Dates, amounts, URLs and template code as real sites write them.
@Suite struct ValuesAsWrittenTests {
    static let toronto = DateParser(timeZone: TimeZone(identifier: "America/Toronto")!)
    static let gmt = DateParser(timeZone: .gmt)

    @Test(arguments: [
        ("July 19, 2021 at 9:00am EDT", "2021-07-19T13:00:00Z"),
        ("June 8, 2018, 8:00pm EDT", "2018-06-09T00:00:00Z"),
        ("Monday, December 14, 2026 at 5 pm PST", "2026-12-15T01:00:00Z"),
        ("Dec 15, 2026 12:30 PM ET", "2026-12-15T17:30:00Z"),
        ("19 juillet 2021 à 9 h", "2021-07-19T13:00:00Z"),
        ("1er mars 2026 à 17 h 30", "2026-03-01T22:30:00Z"),
        ("2026-12-15 17:00", "2026-12-15T22:00:00Z"),
        ("15 December 2026 09:00 -05:00", "2026-12-15T14:00:00Z"),
        ("Sept. 3, 2026", "2026-09-03T04:00:00Z"),
        ("3 août 2026", "2026-08-03T04:00:00Z"),
        ("Mon, 19 Jul 2021 09:00:00 -0400", "2021-07-19T13:00:00Z"),
        ("19 Jul 2021 09:00:30 GMT", "2021-07-19T09:00:30Z"),
        ("2021-07-19 9:00am", "2021-07-19T13:00:00Z"),
        ("2021-07-19 at 5:30 pm PDT", "2021-07-20T00:30:00Z"),
    ])
    func proseDatesInEnglishAndFrench(text: String, expected: String) throws {
        let parsed = try #require(Self.toronto.parse(text), "\(text)")
        #expect(parsed.seconds == Self.gmt.parse(expected)!.seconds, "\(text)")
    }

    @Test(arguments: ["tbd", "July 32, 2026", "Febtember 3, 2026", "3 2026", "July 19, 2021 at 25:00", "July 19, 2021 at 9:00am XYZ", "soon",
                      "July 19, 2021 09:00:60", "July 19, 2021 9 h 30:00", "2021-07-19 July", "2021-7-19 9:00am", "2021-02-30 9:00am"])
    func notDates(text: String) {
        #expect(Self.toronto.parse(text) == nil, "\(text)")
    }

    @Test func aBareProseClosingDateEndsAtTheEndOfThatDay() throws {
        let closing = try #require(Self.toronto.parse("Dec 15, 2026", boundary: .endOfDay))
        #expect(closing.seconds == Self.gmt.parse("2026-12-16T04:59:59Z")!.seconds)
    }

    @Test(arguments: [
        ("$128,078", 128_078.0, nil as String?, true), ("128 078 $", 128_078, nil, true), ("142,701", 142_701, nil, false),
        ("CAD 90k", 90_000, "CAD", false), ("€45.50", 45.5, "EUR", false), ("128\u{00A0}078,50 $", 128_078.5, nil, true),
        ("US$ 1,234.56", 1_234.56, "USD", false), ("1.234.567 €", 1_234_567, "EUR", false), ("85000", 85_000, nil, false),
    ])
    func amountsAsWritten(text: String, amount: Double, currency: String?, isDollar: Bool) throws {
        let money = try #require(MoneyText.parse(text), "\(text)")
        #expect(money.amount == amount, "\(text)")
        #expect(money.currency == currency, "\(text)")
        #expect(money.isDollar == isDollar, "\(text)")
    }

    @Test func rangesAndUnits() throws {
        let range = try #require(MoneyText.parseRange("$90k – $120k"))
        #expect(range.low?.amount == 90_000 && range.high?.amount == 120_000 && range.low?.isDollar == true)
        let hourly = try #require(MoneyText.parse("$45/hour"))
        #expect(hourly.amount == 45 && hourly.unit == .hour)
        #expect(MoneyText.parse("about forty") == nil)
        for (text, unit) in [("$70,000 to $85,000 yearly", Salary.Unit.year), ("£40,000 p.a.", .year), ("$4,000 a month", .month),
                             ("$200 a day", .day), ("$25 per hr", .hour), ("900 €/wk", .week)] {
            #expect(MoneyText.parseRange(text)?.high?.unit == unit, "\(text)")
        }
    }

    /// One end of a range: a minimum (`From`) or a maximum (`Up to`), in English or French.
    @Test func oneEndOfARange() throws {
        let from = try #require(MoneyText.parseRange("From $80,000"))
        #expect(from.low?.amount == 80_000 && from.high == nil && from.low?.isDollar == true)
        let upTo = try #require(MoneyText.parseRange("Up to $90,000 a year"))
        #expect(upTo.low == nil && upTo.high?.amount == 90_000 && upTo.high?.unit == .year)
        let french = try #require(MoneyText.parseRange("À partir de 50 000 $ par année"))
        #expect(french.low?.amount == 50_000 && french.high == nil)
        let whole = try #require(MoneyText.parseRange("From $80,000 to $90,000"))
        #expect(whole.low?.amount == 80_000 && whole.high?.amount == 90_000)
        #expect(MoneyText.parseRange("From somewhere") == nil)
        #expect(MoneyText.parse("12 to 15") == nil)
    }

    @Test func aGovernmentSiteSchemaPublishesWithNoErrors() throws {
        let site = try TemporarySite(config: """
            baseURL: https://jobs.example.org/
            timeZone: America/New_York
            languages:
              - {code: en, locale: en-US, title: Jobs, description: Open jobs.}
            organization: {name: Example Agency, url: https://example.gov/, logo: https://example.gov/logo.png}
            urls:
              posting: "{permalink:path}"
            fields:
              date: opens
              validThrough: closes
              salaryMin: salary_min
              salaryMax: salary_max
              applyUrl: apply_url
              status: {from: state, values: {open: active, closed: archived, upcoming: draft}}
            defaults:
              country: US
              city: Washington
              employmentType: FULL_TIME
              salaryUnit: YEAR
            """, postings: [
            "en/engineer.md": TemporarySite.posting("""
                title: Engineer
                permalink: /join/engineer/
                opens: 'July 19, 2026 at 9:00am EDT'
                closes: tbd
                salary_min: '$128,078'
                salary_max: '$166,500'
                apply_url: TBD
                state: open
                """, body: "Apply at [our site]({{ site.baseurl }}/join/).\n\n{% if page.state == 'upcoming' %}Coming soon.{% endif %}\n\n{{< figure src=\"x.png\" >}}"),
        ])
        defer { site.remove() }
        let report = try site.build(now: Self.gmt.parse("2026-11-18")!)
        #expect(!report.hasErrors, "\(report.diagnostics)")
        let posting = try #require(report.catalog.entries.first?.posting)
        #expect(posting.url == "https://jobs.example.org/join/engineer/")
        #expect(posting.applyURL == posting.url)
        #expect(posting.salary == Salary(minimum: 128_078, maximum: 166_500, currency: "USD", unit: .year))
        #expect(posting.validThrough == nil)
        for (path, data) in OutputTree.published(below: site.root) {
            let text = String(decoding: data, as: UTF8.self)
            #expect(!text.contains("{%") && !text.contains("{{"), "\(path) holds template code")
        }
        #expect(site.read("feeds/en/rss.xml")?.contains("https://jobs.example.org/join/") == true)
    }

    @Test(arguments: [
        ("Washington, DC", "Washington", "DC", "US"), ("Ottawa, ON", "Ottawa", "ON", "CA"), ("Minneapolis MN", "Minneapolis", "MN", "US"),
        ("Austin, Texas", "Austin", "TX", "US"), ("Montréal, Québec", "Montréal", "QC", "CA"), ("Paris, France", "Paris", nil, "FR"),
        ("Toronto", "Toronto", "ON", "CA"), ("San Francisco, CA, USA", "San Francisco", "CA", "US"),
    ] as [(String, String?, String?, String)])
    func placesWrittenAsText(text: String, city: String?, region: String?, country: String) throws {
        let location = try #require(FreeTextPlace.address(text), "\(text)")
        #expect(location.city == city && location.region == region && location.country == country, "\(text): \(location)")
    }

    @Test func aListOfPlacesWithRemoteWork() throws {
        let place = FreeTextPlace("Washington, DC; San Francisco, CA; Virtual (100% Remote)", defaultCountry: nil)
        #expect(place.isRemote)
        #expect(place.locations.map(\.singleLine) == ["Washington, DC, US", "San Francisco, CA, US"])
        #expect(FreeTextPlace("Remote (Canada)", defaultCountry: nil).remoteCountries == ["CA"])
        let unknown = FreeTextPlace("Springfield; Remote", defaultCountry: "US")
        #expect(unknown.unrecognized == ["Springfield"] && unknown.locations.first?.city == "Springfield" && unknown.isRemote)
    }

    /// Places joined by words and marks, work-mode words beside them, and a remote word's country
    /// among other words.
    @Test(arguments: [
        ("New York, NY or Remote", ["New York, NY, US"], true, []),
        ("Toronto / Montréal", ["Toronto, ON, CA", "Montréal, QC, CA"], false, []),
        ("Oregon OR Washington", ["OR, US", "WA, US"], false, []),
        ("Ottawa & Gatineau, QC", ["Ottawa, ON, CA", "Gatineau, QC, CA"], false, []),
        ("Hybrid (Toronto, ON)", ["Toronto, ON, CA"], false, []),
        ("Berlin, Germany (Hybrid)", ["Berlin, DE"], false, []),
        ("On-site - Ottawa, ON", ["Ottawa, ON, CA"], false, []),
        ("Remote (US only)", [], true, ["US"]),
        ("Remote - Canada-based", [], true, ["CA"]),
        ("Remote/US", [], true, ["US"]),
        ("Télétravail ou Montréal", ["Montréal, QC, CA"], true, []),
    ] as [(String, [String], Bool, [String])])
    func placesJoinedAndQualified(text: String, places: [String], isRemote: Bool, remoteCountries: [String]) {
        let place = FreeTextPlace(text, defaultCountry: nil)
        #expect(place.locations.map(\.singleLine) == places, "\(text)")
        #expect(place.isRemote == isRemote && place.remoteCountries == remoteCountries && place.unrecognized.isEmpty, "\(text)")
    }

    @Test func aFreeTextLocationFieldGivesAddressesAndRemoteWork() throws {
        let site = try TemporarySite(config: """
            baseURL: https://jobs.example.org/
            languages:
              - {code: en, locale: en-US, title: Jobs, description: Open jobs.}
            organization: {name: Example Agency, url: https://example.gov/, logo: https://example.gov/logo.png}
            fields:
              place: location
            defaults:
              employmentType: FULL_TIME
            """, postings: ["en/a.md": TemporarySite.posting("title: A\ndate: 2026-01-05\nlocation: 'Washington, DC; Minneapolis MN; Virtual (100% Remote)'")])
        defer { site.remove() }
        let report = try site.build()
        #expect(!report.hasErrors, "\(report.diagnostics)")
        let posting = try #require(report.catalog.entries.first?.posting)
        #expect(posting.locations.map(\.singleLine) == ["Washington, DC, US", "Minneapolis, MN, US"])
        #expect(posting.remote?.applicantCountries == ["US"])
    }
}
