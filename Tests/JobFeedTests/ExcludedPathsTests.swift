import Foundation
import Testing
import JobFeed
import JobFeedReading

/// `exclude:` keeps a site's other Markdown out of its postings: a README, a section's "how we
/// hire" page, a folder of old drafts. Without it those files are postings: the READMEs fail
/// to read, and the page with a title is published as a job (the site's defaults fill in the
/// rest).
@Suite struct ExcludedPathsTests {
    static let notPostings = [
        "README.md": "# How this folder works\n",
        "en/README.md": "# Notes\n",
        "en/how-we-hire.md": TemporarySite.posting("title: How we hire"),
        "en/old/designer.md": TemporarySite.posting("title: Old designer\ndate: 2026-01-05"),
        "en/older/designer.md": TemporarySite.posting("title: Older designer\ndate: 2026-01-05"),
    ]
    static let posting = ["en/designer.md": TemporarySite.posting("title: Designer\ndate: 2026-01-05")]

    @Test func excludedFilesAndFoldersAreNotPostings() throws {
        let config = TemporarySite.standardConfig + "\nexclude: [README.md, \"en/how-*.md\", old/, en/older]\n"
        let site = try TemporarySite(config: config, postings: Self.notPostings.merging(Self.posting) { first, _ in first })
        defer { site.remove() }
        let report = try site.build()
        #expect(report.diagnostics.filter { $0.severity == .error }.isEmpty)
        #expect(report.catalog.entries.map(\.posting.title) == ["Designer"])
    }

    @Test func withoutExcludeTheyAreReadAsPostings() throws {
        let site = try TemporarySite(postings: Self.notPostings.merging(Self.posting) { first, _ in first })
        defer { site.remove() }
        let report = try site.build()
        let files = Set(report.diagnostics.filter { $0.severity == .error }.map { URL(fileURLWithPath: $0.file).lastPathComponent })
        #expect(files == ["README.md"])
        #expect(Set(report.catalog.entries.map(\.posting.title)) == ["Designer", "How we hire", "Old designer", "Older designer"])
    }

    @Test(arguments: [
        ("README.md", "README.md", "en/jobs/README.md", true),
        ("*.txt.md", "a.txt.md", "en/a.txt.md", true),
        ("en/*.md", "a.md", "en/a.md", true),
        ("en/*.md", "a.md", "en/jobs/a.md", false),
        ("/en/a.md", "a.md", "en/a.md", true),
        ("drafts/", "drafts", "fr/drafts", true),
        ("en/a.md", "a.md", "fr/a.md", false),
        ("README.md", "README.markdown", "README.markdown", false),
    ])
    func patternsMatchAsGitignoresSimpleOnesDo(pattern: String, name: String, path: String, excluded: Bool) {
        #expect(ExcludedPaths([pattern]).excludes(name: name, relativePath: path) == excluded)
    }

    /// The watcher asks of a changed file's whole path: a file in an excluded folder is
    /// excluded, as the walk that never entered the folder says.
    @Test(arguments: [("en/old/a.md", true), ("en/older/b.md", false), ("en/how-to.md", true), ("fr/how-to.md", false),
                      ("README.md", true), ("en/designer.md", false)])
    func aPathIsExcludedWhenAFolderOnItIs(path: String, excluded: Bool) {
        #expect(ExcludedPaths(["old/", "en/how-*.md", "README.md"]).excludes(relativePath: path) == excluded)
    }

    /// `init` excludes the Markdown it found with no front matter by exact paths: glob
    /// characters in a name match only themselves, and a file at the top only itself.
    @Test(arguments: [("README.md", "en/README.md"), ("en/a[1]*.md", "en/a1x.md"), ("en/?.md", "en/b.md")])
    func initsPatternsMatchTheirOwnPathOnly(path: String, other: String) {
        let excluded = ExcludedPaths([ConfigWriter.literalPattern(path)])
        let name = { (path: String) in String(path.split(separator: "/").last ?? "") }
        #expect(excluded.excludes(name: name(path), relativePath: path))
        #expect(!excluded.excludes(name: name(other), relativePath: other))
    }

    @Test(arguments: ["exclude: [\"\"]", "exclude: [README.md, \" \"]", "exclude: {a: b}", "exclude: [[README.md]]"])
    func anEmptyOrMalformedPatternIsAConfigError(_ line: String) throws {
        let site = try TemporarySite(config: TemporarySite.standardConfig + "\n" + line + "\n")
        defer { site.remove() }
        let error = try #require(throws: DiagnosticError.self) { try site.config() }
        #expect(error.diagnostics.first?.message.contains("'exclude'") == true)
    }
}
