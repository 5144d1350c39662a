import Foundation
import Testing
import JobFeed
@testable import JobFeedCore
import JobFeedPublishing
@testable import JobFeedReading
import JobFeedSystem
@testable import JobFeedWatching

/// Two posting files whose names read alike but are spelled in different code points (`café`
/// with a composed `é`, and with `e` and a combining accent): one string to Swift's `==`, two
/// files to Linux. Each is a posting of its own in every record jobfeed keeps.
@Suite struct CodePointNamesTests {
    static let composed = "caf\u{E9}"
    static let decomposed = "cafe\u{301}"

    static func posting(_ title: String, key: String) -> String {
        TemporarySite.posting("title: \(title)\ndate: 2026-01-05\ntranslationKey: \(key)")
    }

    /// A site with these postings, written in order (keys of a `[String: String]` spelled alike
    /// in different code points would be one).
    static func site(_ postings: [(path: String, text: String)]) throws -> TemporarySite {
        let site = try TemporarySite()
        for (path, text) in postings { try site.write("postings/" + path, text) }
        return site
    }

    static func site() throws -> TemporarySite {
        let site = try Self.site([("en/\(composed).md", posting("Composed", key: "composed")), ("en/\(decomposed).md", posting("Decomposed", key: "decomposed")),
                                  ("fr/\(composed).md", posting("Compose FR", key: "composed")), ("fr/autre.md", posting("Decompose FR", key: "decomposed"))])
        let names = try FileManager.default.contentsOfDirectory(atPath: site.root.appendingPathComponent("postings/en").path)
        #expect(Set(names.map { ExactPath($0) }).count == 2, "the file system holds two files")
        return site
    }

    static func titles(_ site: TemporarySite) -> [String] {
        let feed = site.read("feeds/en/rss.xml") ?? ""
        return feed.components(separatedBy: "<item>").dropFirst().compactMap { item in
            item.components(separatedBy: "<title>").dropFirst().first?.components(separatedBy: "</title>").first
        }.sorted()
    }

    @Test func pathsAreComparedByteForByte() {
        #expect(Self.composed == Self.decomposed, "String equality is canonical equivalence")
        #expect(ExactPath(Self.composed) != ExactPath(Self.decomposed))
        #expect(Set([ExactPath(Self.composed), ExactPath(Self.decomposed)]).count == 2)
        #expect(Self.decomposed.precedesExactly(Self.composed) && !Self.composed.precedesExactly(Self.decomposed))
        #expect("en/a.md".precedesExactly("en/b.md") && !"en/b.md".precedesExactly("en/b.md"))
        #expect("f".precedesExactly("e\u{301}") && !"e\u{301}".precedesExactly("f"), "String's order first (é after f), bytes only for a tie")
    }

    /// The byte-buffer sort of many paths (`ExactPath.sortedPlaces(of:)`) orders them as `<` does, ASCII or
    /// not: composed and decomposed accents, prefixes of each other, the empty path.
    @Test func manyPathsSortAsTheyCompare() {
        var random = SplitMix64(seed: 12)
        let pieces = ["a", "b", "en/", "fr/", "job-1", "job-10", "-", "_", "Z", "é", "e\u{301}", "x\u{600}", "/", "", "ü", "\u{1F600}"]
        let paths = (0..<2_000).map { _ in
            ExactPath((0..<Int.random(in: 0...5, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined())
        }
        let sorted = ExactPath.sortedPlaces(of: paths).map { paths[$0] }
        let firstMisplaced = zip(sorted, paths.sorted(by: <)).first { $0 != $1 }
        #expect(firstMisplaced == nil, "(found, expected)")
        #expect(paths.contains { !$0.text.utf8.allSatisfy { $0 < 0x80 } } && paths.contains { $0.text.utf8.allSatisfy { $0 < 0x80 } })
    }

    @Test func eachKeepsItsOwnLastGoodVersion() throws {
        let site = try Self.site()
        defer { site.remove() }
        _ = try site.build()
        #expect(Self.titles(site) == ["Composed", "Decomposed"])
        for (name, title) in [(Self.composed, "Composed"), (Self.decomposed, "Decomposed")] {
            try site.write("postings/en/\(name).md", TemporarySite.posting("title: [broken\ndate: 2026-01-05"))
            let report = try site.build()
            #expect(report.hasErrors)
            #expect(Self.titles(site) == ["Composed", "Decomposed"], "a broken \(title) keeps its own last good version")
            try site.write("postings/en/\(name).md", Self.posting(title, key: title.lowercased()))
            _ = try site.build()
        }
    }

    @Test func eachLinksItsOwnTranslation() throws {
        let site = try Self.site()
        defer { site.remove() }
        _ = try site.build()
        let feed = site.read("feeds/en/atom.xml") ?? ""
        let entries = feed.components(separatedBy: "<entry>").dropFirst()
        let composed = try #require(entries.first { $0.contains("<title>Composed</title>") })
        let decomposed = try #require(entries.first { $0.contains("<title>Decomposed</title>") })
        #expect(composed.contains("hreflang=\"fr\" href=\"https://jobs.example.org/fr/jobs/caf%C3%A9/\""))
        #expect(decomposed.contains("hreflang=\"fr\" href=\"https://jobs.example.org/fr/jobs/autre/\""))
    }

    @Test func aFileRenamedIntoOtherCodePointsLeavesNoStaleFile() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try site.write("postings/en/\(Self.composed).md", Self.posting("Composed", key: "composed"))
        _ = try site.build()
        let postings = site.root.appendingPathComponent("postings/en")
        try FileManager.default.moveItem(atPath: postings.path + "/\(Self.composed).md", toPath: postings.path + "/\(Self.decomposed).md")
        let report = try site.build()
        let documents = try FileManager.default.contentsOfDirectory(atPath: site.root.appendingPathComponent("exports/jsonld/en").path)
        #expect(documents.map { ExactPath($0) } == [ExactPath(Self.decomposed + ".jsonld")])
        #expect(report.files.removed.count == 1)
    }

    /// A watcher's rebuild told that one of the two was written stats each by its own name: a
    /// table of the listing by `String` path gave the written one's stamp to the other.
    @Test func aWatchersListingStampsEach() throws {
        let site = try Self.site()
        defer { site.remove() }
        let listed = try DiscoveredPostings.find(try site.config())
        #expect(listed.files.filter { $0.absolutePath.hasPrefix(site.path("postings/en/")) }.count == 2)
        for (name, title) in [(Self.composed, "Composed"), (Self.decomposed, "Decomposed")] {
            try site.write("postings/en/\(name).md", Self.posting(title + ", a longer title", key: title.lowercased()))
            let updated = try #require(listed.updating([site.path("postings/en/\(name).md")]))
            for (file, stamp) in zip(updated.files, updated.stamps) {
                #expect(stamp == FileStamp(path: file.absolutePath), "\(file.path.relativePath.unicodeScalars.map { String($0.value, radix: 16) })")
            }
        }
    }

    /// And publishes the edit: the other's stale stamp left the written one's cached reading
    /// in use.
    @Test func aWatchersRebuildPublishesEithersEdit() throws {
        let site = try Self.site()
        defer { site.remove() }
        let cache = BuildCache()
        let config = try site.config()
        _ = try Publisher(config: config, now: TemporarySite.now, cache: cache).build()
        for (name, title) in [(Self.composed, "Composed"), (Self.decomposed, "Decomposed")] {
            try site.write("postings/en/\(name).md", Self.posting(title + " edited", key: title.lowercased()))
            var rebuild = Publisher(config: config, now: TemporarySite.now, cache: cache)
            rebuild.changedFiles = [site.path("postings/en/\(name).md")]
            _ = try rebuild.build()
            #expect(Self.titles(site).contains(title + " edited"))
        }
    }

    /// Two folders named alike, each with a posting of the same name: each file is stat'ed in
    /// its own folder. Folders kept open by `String` name gave the second folder's file the
    /// first's stamp, and a build after an edit to the one listed second published it as it was.
    @Test func foldersNamedAlikePublishEithersEdit() throws {
        let site = try Self.site([("en/\(Self.composed)/job.md", Self.posting("Composed", key: "composed")),
                                  ("en/\(Self.decomposed)/job.md", Self.posting("Decomposed", key: "decomposed"))])
        defer { site.remove() }
        _ = try site.build()
        #expect(Self.titles(site) == ["Composed", "Decomposed"])
        for (name, title) in [(Self.composed, "Composed"), (Self.decomposed, "Decomposed")] {
            try site.write("postings/en/\(name)/job.md", Self.posting(title + " edited", key: title.lowercased()))
            _ = try site.build()
            #expect(Self.titles(site).contains(title + " edited"), "\(title)")
        }
    }

    @Test func thePollingWatcherStampsEach() throws {
        let site = try Self.site()
        defer { site.remove() }
        #expect(PollingWatcher.snapshot([site.root.appendingPathComponent("postings/en").path]).count == 2)
    }

    /// Names are read by their bytes, as the file system and the site generators read them: a
    /// `.` or `_` followed by a combining accent is still a leading `.` or `_`.
    @Test func leadingDotsAndUnderscoresAreBytes() throws {
        let site = try Self.site([("en/open.md", Self.posting("Open", key: "open")), ("en/_\u{301}drafts/secret.md", Self.posting("Secret", key: "secret")),
                                  ("en/.\u{301}hidden.md", Self.posting("Hidden", key: "hidden")),
                                  ("en/dotted.md", TemporarySite.posting("title: Dotted\ndate: 2026-01-05\nslug: \".\u{301}x\""))])
        defer { site.remove() }
        let report = try site.build()
        #expect(Self.titles(site) == ["Open"])
        #expect(report.diagnostics.contains { $0.message.hasPrefix("'slug' must be one file-name-safe word") })
        #expect(PostingPath.isSafeSlug("x\u{600}/job"), "a '/' after a prepended mark still separates parts")
        #expect(!PostingPath.isSafeSlug("x\u{600}/../job"))
    }

    /// A path is taken apart on its bytes: a `.` or `/` after the prepended mark U+0600, or a
    /// `/` before a combining accent, is one `Character` with it.
    @Test func pathsAreTakenApartOnTheirBytes() {
        #expect(PostingPath.isPostingFile("x\u{600}.md"))
        let nested = PostingPath(relativePath: "en/x\u{600}/job\u{600}.fr.md", languages: ["en", "fr"])
        #expect(nested.language == "en" && ExactPath(nested.slug) == ExactPath("x\u{600}/job\u{600}"))
        let accented = PostingPath(relativePath: "fr/\u{301}x/job.md", languages: ["en", "fr"])
        #expect(accented.language == "fr" && ExactPath(accented.slug) == ExactPath("\u{301}x/job"))
        #expect(ExactPath("a/x\u{600}/b".parentFolder) == ExactPath("a/x\u{600}"))
        #expect("a/\u{301}b".pathComponents().count == 2 && "a/\u{301}b".split(separator: "/").count == 1)
        // Foundation's NSString on Linux finds `/` among Characters; parentFolder and lastName
        // find it among bytes, and give NSString's answers for paths without such marks.
        #expect("/a/x\u{600}/b.md".parentFolder == "/a/x\u{600}" && "/a/x\u{600}/b.md".lastName == "b.md")
        #expect(("/a/x\u{600}/b.md" as NSString).deletingLastPathComponent == "/a")
        for path in ["/a/b/c.md", "/a", "/a/b/", "/", "", "a/b"] {
            #expect(path.parentFolder == (path as NSString).deletingLastPathComponent, "\(path)")
            #expect(path.lastName == (path as NSString).lastPathComponent, "\(path)")
        }
        // Of a bare name, NSString's deletingLastPathComponent traps on Linux (Foundation 6.3).
        #expect("a".parentFolder == "" && "a".lastName == "a")
        // Jekyll's dated names: ASCII digits, as its pattern's `\d` reads them (`٢` and `½` are
        // number `Character`s too), on the last part's bytes.
        #expect(JekyllFileName.withoutDate("jobs/x\u{600}/2026-03-01-designer") == "jobs/x\u{600}/designer")
        #expect(JekyllFileName.withoutDate("\u{662}\u{660}\u{662}\u{666}-\u{660}\u{663}-\u{660}\u{661}-x") == "\u{662}\u{660}\u{662}\u{666}-\u{660}\u{663}-\u{660}\u{661}-x")
        #expect(JekyllFileName.withoutDate("2026-03-01-") == "2026-03-01-")
    }

    /// Two folders named alike in different code points, and names ending in U+0600: each posting
    /// is published once, in a folder of its own, and a renamed one leaves nothing behind.
    @Test func foldersNamedAlikeAndPrependedMarksArePublished() throws {
        let site = try Self.site([("en/\(Self.composed)/one.md", Self.posting("One", key: "one")), ("en/\(Self.decomposed)/two.md", Self.posting("Two", key: "two")),
                                  ("en/x\u{600}.md", Self.posting("Three", key: "three"))])
        defer { site.remove() }
        let report = try site.build()
        #expect(!report.hasErrors)
        #expect(!report.diagnostics.contains { $0.message.contains("reached twice") })
        #expect(Self.titles(site) == ["One", "Three", "Two"])
        let documents = site.root.appendingPathComponent("exports/jsonld/en").path
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: documents).map { ExactPath($0) })
            == [ExactPath(Self.composed), ExactPath(Self.decomposed), ExactPath("x\u{600}.jsonld")])
        let postings = site.root.appendingPathComponent("postings/en").path
        try FileManager.default.moveItem(atPath: postings + "/x\u{600}.md", toPath: postings + "/three.md")
        _ = try site.build()
        #expect(!FileManager.default.fileExists(atPath: documents + "/x\u{600}.jsonld"))
        #expect(Self.titles(site) == ["One", "Three", "Two"])
    }

    /// A symbolic link out of the postings folder (`café`, composed) into a folder named alike
    /// in other code points (`café`, decomposed) points outside: as text, its target was below
    /// the postings folder, and a private folder's posting was published.
    @Test func aLinkIntoAFolderNamedAlikeIsOutside() throws {
        let site = try TemporarySite(config: TemporarySite.standardConfig + "\npostings: \(Self.composed)")
        defer { site.remove() }
        try site.write("\(Self.composed)/en/open.md", Self.posting("Open", key: "open"))
        try site.write("\(Self.decomposed)/private/secret.md", Self.posting("Secret", key: "secret"))
        try FileManager.default.createSymbolicLink(atPath: site.root.path + "/\(Self.composed)/en/linked",
                                                   withDestinationPath: site.root.path + "/\(Self.decomposed)/private")
        let report = try site.build()
        #expect(Self.titles(site) == ["Open"])
        #expect(report.diagnostics.contains { $0.message.hasPrefix("symbolic link points outside the postings folder") })
        #expect("/site/postings/\u{301}x.md".isBelow("/site/postings") && !"/site/postings/\u{301}x.md".hasPrefix("/site/postings/"))
        #expect(!"/site/\(Self.decomposed)/x".isBelow("/site/\(Self.composed)") && "/site/\(Self.decomposed)/x".hasPrefix("/site/\(Self.composed)/"))
        #expect("/site/postings/\u{301}x.md".relative(below: "/site/postings").map { ExactPath(String($0)) } == ExactPath("\u{301}x.md"))
    }

    /// Two slugs that read alike in other code points are two pages, as Hugo and Jekyll make
    /// them: each posting is published at its own URL with a document of its own, and neither
    /// is given a suffixed slug that no generator publishes.
    @Test func slugsThatReadAlikeAreTwoPages() throws {
        let site = try Self.site()
        defer { site.remove() }
        let report = try site.build()
        #expect(!report.diagnostics.contains { $0.message.hasPrefix("slug '") })
        let feed = site.read("feeds/en/rss.xml") ?? ""
        #expect(feed.contains("<link>https://jobs.example.org/en/jobs/caf%C3%A9/</link>"))
        #expect(feed.contains("<link>https://jobs.example.org/en/jobs/cafe%CC%81/</link>"))
        let documents = site.root.appendingPathComponent("exports/jsonld/en").path
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: documents).map { ExactPath($0) })
            == [ExactPath(Self.composed + ".jsonld"), ExactPath(Self.decomposed + ".jsonld")])
        #expect(try site.build().files.written.isEmpty, "a second build finds both documents as it wrote them")
    }

    /// Hard names in a Hugo site, Hugo itself the judge: after `init`, a build publishes each
    /// live job at the URL `hugo list` gives it (names that read alike in other code points,
    /// U+0600 before `.` and `/`, an accent after `-`, `%`, `?`, `&`, `+`, Hangul composed and
    /// not, full-width and Hebrew letters, a joiner, a space, capitals), and no page of a
    /// section its cascade makes drafts.
    @Test(.enabled(if: SiteFixtureTests.hugo != nil, "skipped: Debian's hugo is not installed (make test installs it)"))
    func hardNamesInAHugoSiteAreWhereHugoPublishesThem() throws {
        let root = ScratchPath.unused("site-hugo-names")
        defer { try? FileManager.default.removeItem(at: root) }
        let jobs = root.appendingPathComponent("content/jobs")
        try FileManager.default.createDirectory(at: jobs, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: SiteFixtureTests.sites.appendingPathComponent("hugo/hugo.toml"), to: root.appendingPathComponent("hugo.toml"))
        try Data("---\ntitle: Jobs\n---\n".utf8).write(to: jobs.appendingPathComponent("_index.md"))
        // Not `#`: Hugo's permalink keeps it raw (`/jobs/c#/`, a fragment), where jobfeed links
        // to `/jobs/c%23/`, the page Hugo writes.
        let names = [Self.composed, Self.decomposed, "x\u{600}", "-\u{301}x", "50%", "why?", "r&d", "c++", "\u{D55C}\u{AD6D}",
                     "\u{1112}\u{1161}\u{11AB}\u{1100}\u{116E}\u{11A8}", "\u{FF24}\u{FF45}\u{FF56}", "\u{5DE}\u{5E4}\u{5EA}\u{5D7}", "Designer",
                     "a\u{200D}b", "data analyst", "\u{C5}ngstr\u{F6}m"]
        for (number, name) in names.enumerated() {
            let text = "---\ntitle: T\(number)\ndate: 2026-05-01\nexpiryDate: 2027-01-01\nremote: true\napplicantCountries: [CA]\nemploymentType: FULL_TIME\n---\nWork.\n"
            for path in ["\(name).md", "x\u{600}/\(name).fr.md", "draft\u{600}/\(name).fr.md"] {
                let file = jobs.path + "/" + path
                try FileManager.default.createDirectory(atPath: file.parentFolder, withIntermediateDirectories: true)
                #expect(FileManager.default.createFile(atPath: file, contents: Data(text.utf8)))
            }
        }
        // A French section whose cascade makes its pages drafts: none of them is published, and
        // its sibling's pages all are (a folder found among Characters was `jobs` for both).
        try Data("---\ntitle: Brouillons\ncascade:\n  draft: true\n---\n".utf8).write(to: jobs.appendingPathComponent("draft\u{600}/_index.fr.md"))
        try Data("---\ntitle: Section\n---\n".utf8).write(to: jobs.appendingPathComponent("x\u{600}/_index.fr.md"))
        let initialised = SiteInit(root: root).run()
        try Data(initialised.configText.utf8).write(to: root.appendingPathComponent("jobfeed.yml"))
        let config = try Config.load(from: root.appendingPathComponent("jobfeed.yml"))
        let moment = "2026-06-01T12:00:00-04:00"
        let (urls, _) = try SiteFixtureTests().published(config, at: moment)
        #expect(urls.count == 2 * names.count, "the drafts' section is not published")
        let hugoPages = SiteFixtureTests.hugoPublished(try #require(SiteFixtureTests.hugo), site: root, clock: moment)
        #expect(urls == hugoPages, "only jobfeed: \(urls.subtracting(hugoPages).sorted()); only Hugo: \(hugoPages.subtracting(urls).sorted())")
    }
}
