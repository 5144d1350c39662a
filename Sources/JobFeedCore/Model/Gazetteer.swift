/// The places free-text locations are matched against: Canadian provinces and territories and
/// US states (ISO 3166-2 codes and names, English and French), country names, and the cities
/// job postings name most. Kept small, as data: what it does not know is kept as a locality,
/// with a warning.
package enum Gazetteer {
    package struct Region: Sendable {
        package var code: String
        package var country: String
    }

    package static let regions: [String: Region] = {
        var table: [String: Region] = [:]
        let canada: [(String, [String])] = [
            ("AB", ["alberta"]), ("BC", ["british columbia", "colombie-britannique"]), ("MB", ["manitoba"]),
            ("NB", ["new brunswick", "nouveau-brunswick"]), ("NL", ["newfoundland and labrador", "terre-neuve-et-labrador"]),
            ("NS", ["nova scotia", "nouvelle-écosse"]), ("NT", ["northwest territories", "territoires du nord-ouest"]),
            ("NU", ["nunavut"]), ("ON", ["ontario"]), ("PE", ["prince edward island", "île-du-prince-édouard"]),
            ("QC", ["quebec", "québec"]), ("SK", ["saskatchewan"]), ("YT", ["yukon"]),
        ]
        let states: [(String, String)] = [
            ("AL", "alabama"), ("AK", "alaska"), ("AZ", "arizona"), ("AR", "arkansas"), ("CA", "california"), ("CO", "colorado"),
            ("CT", "connecticut"), ("DE", "delaware"), ("DC", "district of columbia"), ("FL", "florida"), ("GA", "georgia"),
            ("HI", "hawaii"), ("ID", "idaho"), ("IL", "illinois"), ("IN", "indiana"), ("IA", "iowa"), ("KS", "kansas"),
            ("KY", "kentucky"), ("LA", "louisiana"), ("ME", "maine"), ("MD", "maryland"), ("MA", "massachusetts"),
            ("MI", "michigan"), ("MN", "minnesota"), ("MS", "mississippi"), ("MO", "missouri"), ("MT", "montana"),
            ("NE", "nebraska"), ("NV", "nevada"), ("NH", "new hampshire"), ("NJ", "new jersey"), ("NM", "new mexico"),
            ("NY", "new york"), ("NC", "north carolina"), ("ND", "north dakota"), ("OH", "ohio"), ("OK", "oklahoma"),
            ("OR", "oregon"), ("PA", "pennsylvania"), ("RI", "rhode island"), ("SC", "south carolina"), ("SD", "south dakota"),
            ("TN", "tennessee"), ("TX", "texas"), ("UT", "utah"), ("VT", "vermont"), ("VA", "virginia"), ("WA", "washington"),
            ("WV", "west virginia"), ("WI", "wisconsin"), ("WY", "wyoming"), ("PR", "puerto rico"),
        ]
        for (code, names) in canada {
            for name in names { table[name] = Region(code: code, country: "CA") }
        }
        for (code, name) in states { table[name] = Region(code: code, country: "US") }
        return table
    }()

    /// Two-letter codes, which are upper case in postings (`Ottawa, ON`); CA, the state, clashes
    /// with no province code.
    package static let regionCodes: [String: Region] = {
        var table: [String: Region] = [:]
        for region in regions.values { table[region.code] = region }
        return table
    }()

    package static let countries: [String: String] = [
        "canada": "CA", "united states": "US", "united states of america": "US", "usa": "US", "u.s.": "US", "us": "US",
        "états-unis": "US", "etats-unis": "US", "mexico": "MX", "mexique": "MX", "united kingdom": "GB", "uk": "GB",
        "royaume-uni": "GB", "england": "GB", "ireland": "IE", "irlande": "IE", "france": "FR", "germany": "DE", "allemagne": "DE",
        "netherlands": "NL", "pays-bas": "NL", "spain": "ES", "espagne": "ES", "portugal": "PT", "italy": "IT", "italie": "IT",
        "belgium": "BE", "belgique": "BE", "switzerland": "CH", "suisse": "CH", "sweden": "SE", "suède": "SE", "norway": "NO",
        "denmark": "DK", "finland": "FI", "poland": "PL", "australia": "AU", "australie": "AU", "new zealand": "NZ",
        "india": "IN", "inde": "IN", "japan": "JP", "japon": "JP", "singapore": "SG", "brazil": "BR", "brésil": "BR",
    ]

    /// Cities postings name without a region.
    package static let cities: [String: (region: String, country: String)] = [
        "ottawa": ("ON", "CA"), "toronto": ("ON", "CA"), "waterloo": ("ON", "CA"), "kitchener": ("ON", "CA"), "hamilton": ("ON", "CA"),
        "london": ("ON", "CA"), "montreal": ("QC", "CA"), "montréal": ("QC", "CA"), "quebec city": ("QC", "CA"), "québec": ("QC", "CA"),
        "gatineau": ("QC", "CA"), "vancouver": ("BC", "CA"), "victoria": ("BC", "CA"), "calgary": ("AB", "CA"), "edmonton": ("AB", "CA"),
        "winnipeg": ("MB", "CA"), "regina": ("SK", "CA"), "saskatoon": ("SK", "CA"), "halifax": ("NS", "CA"), "moncton": ("NB", "CA"),
        "fredericton": ("NB", "CA"), "st. john's": ("NL", "CA"), "charlottetown": ("PE", "CA"), "whitehorse": ("YT", "CA"),
        "yellowknife": ("NT", "CA"), "iqaluit": ("NU", "CA"),
        "washington": ("DC", "US"), "washington dc": ("DC", "US"), "washington d.c.": ("DC", "US"), "new york": ("NY", "US"),
        "new york city": ("NY", "US"), "nyc": ("NY", "US"), "san francisco": ("CA", "US"), "los angeles": ("CA", "US"),
        "san diego": ("CA", "US"), "san jose": ("CA", "US"), "seattle": ("WA", "US"), "portland": ("OR", "US"), "chicago": ("IL", "US"),
        "boston": ("MA", "US"), "philadelphia": ("PA", "US"), "pittsburgh": ("PA", "US"), "atlanta": ("GA", "US"), "austin": ("TX", "US"),
        "dallas": ("TX", "US"), "houston": ("TX", "US"), "denver": ("CO", "US"), "minneapolis": ("MN", "US"), "detroit": ("MI", "US"),
        "miami": ("FL", "US"), "phoenix": ("AZ", "US"), "salt lake city": ("UT", "US"), "kansas city": ("MO", "US"),
        "raleigh": ("NC", "US"), "nashville": ("TN", "US"), "baltimore": ("MD", "US"), "arlington": ("VA", "US"),
    ]
}
