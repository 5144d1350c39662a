import Foundation
import Testing
import JobFeed

@Suite struct BuildBehaviourTests {
    static let postings = [
        "en/designer.md": TemporarySite.posting("title: Designer\ndate: 2026-01-05\ntranslationKey: designer"),
        "fr/designer.md": TemporarySite.posting("title: Designer (fr)\ndate: 2026-01-05\ntranslationKey: designer"),
        "en/writer.md": TemporarySite.posting("title: Writer\ndate: 2026-02-01\nvalidThrough: 2026-12-31"),
    ]

    @Test func aSecondBuildRewritesNothingAndKeepsModificationTimes() throws {
        let site = try TemporarySite(postings: Self.postings)
        defer { site.remove() }
        let first = try site.build()
        #expect(first.files.written.count == 13)
        let before = OutputTree.files(below: site.root)
        let times = OutputTree.modificationDates(below: site.root)
        Thread.sleep(forTimeInterval: 0.02)
        let second = try site.build()
        #expect(second.files.written.isEmpty)
        #expect(second.files.unchanged.count == 13)
        #expect(OutputTree.files(below: site.root) == before)
        #expect(OutputTree.modificationDates(below: site.root) == times)
    }

    /// `build --timings` accounts for the whole build: the stretches around the pipeline's
    /// steps too, in the order they run (their durations are not checked, only that each is
    /// there once).
    @Test func aBuildsTimingsNameEveryStretchInOrder() throws {
        let site = try TemporarySite(postings: Self.postings)
        defer { site.remove() }
        let first = try site.build()
        #expect(first.timings.map(\.step) == [
            "prepare the state folder", "discover postings", "open the build cache",
            "read postings", "catalog postings", "render outputs", "stage outputs", "publish outputs", "record history", "notify the WebSub hub",
            "record the build", "commit the build cache",
        ])
        let unchanged = try site.build()
        #expect(unchanged.timings.map(\.step) == ["prepare the state folder", "discover postings", "check the build record"])
    }

    @Test func thePerPostingFileOfARemovedPostingIsRemoved() throws {
        let site = try TemporarySite(postings: Self.postings)
        defer { site.remove() }
        _ = try site.build()
        #expect(site.read("exports/jsonld/en/writer.jsonld") != nil)
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("postings/en/writer.md"))
        let report = try site.build()
        #expect(site.read("exports/jsonld/en/writer.jsonld") == nil)
        #expect(report.files.removed.map { URL(fileURLWithPath: $0).lastPathComponent } == ["writer.jsonld"])
    }

    @Test func aPostingLeavesTheFeedsWhenItExpires() throws {
        let site = try TemporarySite(postings: Self.postings)
        defer { site.remove() }
        _ = try site.build()
        #expect(site.read("feeds/en/rss.xml")?.contains("<title>Writer</title>") == true)
        let afterClosing = DateParser(timeZone: TimeZone(identifier: "UTC")!).parse("2027-01-02")!
        let report = try site.build(now: afterClosing)
        #expect(site.read("feeds/en/rss.xml")?.contains("<title>Writer</title>") == false)
        #expect(site.read("exports/postings.csv")?.contains(",expired,") == true)
        #expect(report.count(.expired, in: "en") == 1)
    }

    @Test func aFutureDatedPostingWaitsForItsDate() throws {
        let site = try TemporarySite(postings: ["en/later.md": TemporarySite.posting("title: Later\ndate: 2027-03-01")])
        defer { site.remove() }
        _ = try site.build()
        #expect(site.read("feeds/en/atom.xml")?.contains("Later") == false)
        #expect(site.read("exports/postings.csv")?.contains("Later") == false)
        _ = try site.build(now: DateParser(timeZone: TimeZone(identifier: "UTC")!).parse("2027-03-02")!)
        #expect(site.read("feeds/en/atom.xml")?.contains("Later") == true)
    }

    @Test func aFailedBuildLeavesTheLastGoodOutputs() throws {
        let site = try TemporarySite(postings: Self.postings)
        defer { site.remove() }
        _ = try site.build()
        let before = OutputTree.files(below: site.root.appendingPathComponent("feeds"))
        try site.write("jobfeed.yml", TemporarySite.standardConfig + "\nbaseURL: ftp://wrong")
        #expect(throws: DiagnosticError.self) { try site.build() }
        #expect(OutputTree.files(below: site.root.appendingPathComponent("feeds")) == before)
    }

    @Test func translationsLinkEachOtherInAtom() throws {
        let site = try TemporarySite(postings: Self.postings)
        defer { site.remove() }
        _ = try site.build()
        let atom = try #require(site.read("feeds/fr/atom.xml"))
        #expect(atom.contains("<link rel=\"alternate\" type=\"text/html\" hreflang=\"en\" href=\"https://jobs.example.org/en/jobs/designer/\"/>"))
    }

    @Test func duplicateTranslationKeysInOneLanguageAreAWarningAndBothJobsArePublished() throws {
        var postings = Self.postings
        postings["en/designer-copy.md"] = TemporarySite.posting("title: Copy\ndate: 2026-01-05\ntranslationKey: designer")
        let site = try TemporarySite(postings: postings)
        defer { site.remove() }
        let report = try site.build()
        #expect(!report.hasErrors)
        let warning = try #require(report.diagnostics.first { $0.message.contains("translationKey 'designer' is also used in 'en' by") })
        #expect(warning.file.hasSuffix("postings/en/designer.md"))
        #expect(warning.line == 4)
        #expect(report.count(.active, in: "en") == 3)
    }

    @Test func aPostingWithAnErrorIsLeftOutAndTheRestPublished() throws {
        var postings = Self.postings
        postings["en/broken.md"] = TemporarySite.posting("title: Broken\ndate: 2026-02-30")
        let site = try TemporarySite(postings: postings)
        defer { site.remove() }
        let report = try site.build()
        #expect(report.hasErrors)
        #expect(report.count(.active, in: "en") == 2)
        #expect(site.read("exports/postings.csv")?.contains("Broken") == false)
    }
}

/// A one-shot build that finds nothing changed since the last one stops early.
@Suite struct BuildRecordTests {
    @Test func anUnchangedSiteIsReportedWithoutReadingAnything() throws {
        let site = try TemporarySite(postings: BuildBehaviourTests.postings)
        defer { site.remove() }
        let first = try site.build()
        let again = try site.build()
        #expect(again.catalog.entries.isEmpty, "the second build should not have read the postings")
        #expect(again.count(.active, in: "en") == first.count(.active, in: "en"))
        #expect(again.translationPairs == first.translationPairs)
        #expect(again.files.written.isEmpty)
        #expect(again.files.unchanged.count == first.files.written.count)
    }

    @Test(arguments: ["edit a posting", "edit an output", "delete an output", "change the config", "pass the next closing time"])
    func anythingABuildDependsOnMakesItRunAgain(change: String) throws {
        let site = try TemporarySite(postings: BuildBehaviourTests.postings)
        defer { site.remove() }
        _ = try site.build()
        var now = TemporarySite.now
        switch change {
        case "edit a posting": try site.write("postings/en/writer.md", TemporarySite.posting("title: Writer II\ndate: 2026-02-01"))
        case "edit an output": try site.write("feeds/en/rss.xml", "tampered")
        case "delete an output": try FileManager.default.removeItem(at: site.root.appendingPathComponent("exports/postings.csv"))
        case "change the config": try site.write("jobfeed.yml", TemporarySite.standardConfig.replacingOccurrences(of: "Example Jobs", with: "Example Careers"))
        default: now = DateParser(timeZone: .gmt).parse("2027-01-02")!
        }
        let report = try site.build(now: now)
        #expect(!report.catalog.entries.isEmpty, "\(change) should have caused a full build")
        #expect(try OutputInvariants.violations(of: site) == [])
        #expect(site.read("feeds/en/rss.xml") != "tampered")
        #expect(site.read("exports/postings.csv") != nil)
    }

    /// The record takes the stamps the build knows (files it wrote or found unchanged) rather
    /// than stat'ing every output again: they must be the ones the next build finds.
    @Test(arguments: ["edit a posting", "edit an output", "delete an output", "add a posting"])
    func theBuildAfterAChangeIsFollowedByOneThatDoesNothing(change: String) throws {
        let site = try TemporarySite(postings: BuildBehaviourTests.postings)
        defer { site.remove() }
        _ = try site.build()
        switch change {
        case "edit a posting": try site.write("postings/en/writer.md", TemporarySite.posting("title: Writer II\ndate: 2026-02-01"))
        case "edit an output": try site.write("exports/jsonld/en/writer.jsonld", "tampered")
        case "delete an output": try FileManager.default.removeItem(at: site.root.appendingPathComponent("feeds/fr/atom.xml"))
        default: try site.write("postings/en/editor.md", TemporarySite.posting("title: Editor\ndate: 2026-02-02"))
        }
        let changed = try site.build()
        #expect(!changed.files.written.isEmpty, "\(change) should have been rebuilt")
        let after = try site.build()
        #expect(after.catalog.entries.isEmpty, "the build after '\(change)' should have found nothing changed")
        #expect(after.files.written.isEmpty)
    }
}

/// A pairing problem never unpublishes a job.
@Suite struct DuplicateKeyTests {
    @Test func aCopiedPostingThatKeptItsKeyIsPublishedAndPairsWithTheLiveTranslation() throws {
        let site = try TemporarySite(postings: [
            "en/designer-2019.md": TemporarySite.posting("title: Designer 2019\ndate: 2019-01-05\ntranslationKey: designer\narchived: true"),
            "en/designer.md": TemporarySite.posting("title: Designer\ndate: 2026-01-05\ntranslationKey: designer"),
            "fr/designer-2019.md": TemporarySite.posting("title: Designer 2019 (fr)\ndate: 2019-01-05\ntranslationKey: designer\narchived: true"),
            "fr/designer.md": TemporarySite.posting("title: Designer (fr)\ndate: 2026-01-06\ntranslationKey: designer"),
        ])
        defer { site.remove() }
        let report = try site.build()
        #expect(report.count(.active, in: "en") == 1 && report.count(.archived, in: "en") == 1)
        #expect(report.count(.active, in: "fr") == 1 && report.count(.archived, in: "fr") == 1)
        #expect(report.translationPairs == 2)
        #expect(!report.hasErrors)
        #expect(report.diagnostics.filter { $0.message.contains("both are published as separate jobs") }.count == 2)
        let live = try #require(report.catalog.entries.first { $0.posting.slug == "designer" && $0.posting.language == "en" })
        #expect(live.translations.map(\.url) == ["https://jobs.example.org/fr/jobs/designer/"])
        #expect(site.read("feeds/en/atom.xml")?.contains("hreflang=\"fr\" href=\"https://jobs.example.org/fr/jobs/designer/\"") == true)
    }

    @Test func aSlugUsedTwiceGivesTheLaterFileAStableSlugOfItsOwn() throws {
        let site = try TemporarySite(postings: [
            "en/a.md": TemporarySite.posting("title: First designer\ndate: 2026-01-05\nslug: designer"),
            "en/designer.md": TemporarySite.posting("title: Second designer\ndate: 2026-01-06"),
        ])
        defer { site.remove() }
        let report = try site.build()
        #expect(report.count(.active, in: "en") == 2)
        #expect(!report.hasErrors)
        let second = try #require(report.catalog.entries.first { $0.posting.title == "Second designer" }?.posting)
        #expect(second.slug.hasPrefix("designer-") && second.slug.count == "designer-".count + 6)
        #expect(second.url == "https://jobs.example.org/en/jobs/\(second.slug)/")
        #expect(site.read("exports/jsonld/en/\(second.slug).jsonld") != nil)
        #expect(report.diagnostics.contains { $0.message.contains("this posting is published as '\(second.slug)'") })
        try site.write("postings/en/other.md", TemporarySite.posting("title: Other\ndate: 2026-01-07"))
        let again = try site.build()
        #expect(again.catalog.entries.contains { $0.posting.slug == second.slug }, "the slug is stable")
    }

    /// The record comes back field for field; one that is damaged, cut short or left in its
    /// earlier JSON form is never trusted, and the build runs again in full.
    @Test func theRecordReadsBackAndADamagedOneIsNotTrusted() throws {
        let site = try TemporarySite(postings: BuildBehaviourTests.postings)
        defer { site.remove() }
        let first = try site.build()
        let file = StateFolder(try site.config()).buildRecord
        let bytes = try Data(contentsOf: file)
        let record = try #require(BuildRecord.read(from: bytes))
        #expect(record.bytes() == bytes)
        #expect(record.outputs.count == first.files.paths.count && record.counts == first.counts && record.diagnostics == first.diagnostics)
        for length in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 100)) { #expect(BuildRecord.read(from: bytes.prefix(length)) == nil) }
        var flipped = bytes
        flipped[bytes.count / 2] ^= 0x20
        #expect(BuildRecord.read(from: flipped) == nil)
        try flipped.write(to: file)
        #expect(!(try site.build()).catalog.entries.isEmpty, "a damaged record must not stand for a build")
        // A state folder from before keeps a JSON record: it is removed, and never read.
        let legacy = file.deletingLastPathComponent().appendingPathComponent("build.json")
        try Data("{}".utf8).write(to: legacy)
        _ = try site.build()
        #expect(!FileManager.default.fileExists(atPath: legacy.path))
    }

    @Test func aNewJobfeedRebuildsOnceEvenWhenNoPostingChanged() throws {
        let site = try TemporarySite(postings: BuildBehaviourTests.postings)
        defer { site.remove() }
        let config = try site.config()
        let here = try #require(BuildRecord.executableStamp)
        var upgraded = here
        upgraded.modifiedSeconds += 1
        #expect(BuildRecord.combine(config: config, strict: false, files: StableHash(), executable: here)
            != BuildRecord.combine(config: config, strict: false, files: StableHash(), executable: upgraded))
    }
}
