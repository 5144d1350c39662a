import Testing
@testable import JobFeedReading

/// Jekyll's slugs, for the placeholders its permalinks become. The cases are Jekyll's own
/// documented examples (its `slugify` filter's and its tests'), and a dated file name.
@Suite struct JekyllSlugTests {
    @Test(arguments: [
        ("The _config.yml file", false, false, "the-config-yml-file"),
        ("The _config.yml file", true, false, "the-_config.yml-file"),
        ("The _config.yml file", true, true, "The-_config.yml-file"),
        (" Q*bert says @!#?@!", false, false, "q-bert-says"),
        (" Q*bert says @!#?@!", true, false, "q-bert-says-@!-@!"),
        ("The _cönfig.yml file", false, false, "the-cönfig-yml-file"),
        ("2026-10-01-Senior Dev (Remote)", false, false, "2026-10-01-senior-dev-remote"),
        ("Senior Dev (Remote)", true, true, "Senior-Dev-(Remote)"),
    ])
    func slugsAreJekylls(text: String, pretty: Bool, cased: Bool, slug: String) {
        #expect(JekyllSlug.slugify(text, pretty: pretty, cased: cased) == slug)
    }
}
