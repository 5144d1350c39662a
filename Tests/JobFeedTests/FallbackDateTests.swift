import Foundation
import Testing
import JobFeed

@Suite struct FallbackDateTests {
    func git(_ arguments: [String], in folder: URL, date: String? = nil) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder.path, "-c", "user.name=Test", "-c", "user.email=test@example.org"] + arguments
        var environment = ProcessInfo.processInfo.environment
        if let date { environment["GIT_AUTHOR_DATE"] = date; environment["GIT_COMMITTER_DATE"] = date }
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "git \(arguments.joined(separator: " "))")
    }

    /// Everything in the folder committed, at `date`.
    func commitAll(_ message: String, in folder: URL, date: String) throws {
        try git(["add", "."], in: folder)
        try git(["commit", "-qm", message], in: folder, date: date)
    }

    /// A site in a git repository, its postings committed at `date`.
    func committedSite(_ postings: [String: String], at date: String) throws -> TemporarySite {
        let site = try TemporarySite(postings: postings)
        try git(["init", "-q"], in: site.root)
        try commitAll("add", in: site.root, date: date)
        return site
    }

    @Test func anUndatedPostingGetsTheDateGitFirstAddedIt() throws {
        let site = try committedSite(["en/é job.md": TemporarySite.posting("title: Job")], at: "2026-03-04T10:00:00Z")
        defer { site.remove() }
        try site.write("postings/en/é job.md", TemporarySite.posting("title: Job, edited"))
        try git(["commit", "-qam", "edit"], in: site.root, date: "2026-05-06T10:00:00Z")
        let report = try site.build()
        #expect(report.diagnostics.isEmpty)
        let posting = try #require(report.catalog.entries.first?.posting)
        #expect(DateFormats.rfc3339(posting.datePosted) == "2026-03-04T10:00:00Z")
    }

    /// Two files whose names read alike in other code points (`café` composed, and with a
    /// combining accent) are two paths to git, each with the date it was first added.
    @Test func namesAlikeInOtherCodePointsKeepTheirOwnDates() throws {
        let site = try committedSite(["en/caf\u{E9}.md": TemporarySite.posting("title: Composed")], at: "2026-03-04T10:00:00Z")
        defer { site.remove() }
        try site.write("postings/en/cafe\u{301}.md", TemporarySite.posting("title: Decomposed"))
        try commitAll("add the other", in: site.root, date: "2026-05-06T10:00:00Z")
        let report = try site.build()
        let dates = Dictionary(uniqueKeysWithValues: report.catalog.entries.map { ($0.posting.title, DateFormats.rfc3339($0.posting.datePosted)) })
        #expect(dates == ["Composed": "2026-03-04T10:00:00Z", "Decomposed": "2026-05-06T10:00:00Z"])
    }

    @Test func outsideGitTheModificationTimeIsUsedWithAWarning() throws {
        let site = try TemporarySite(postings: ["en/job.md": TemporarySite.posting("title: Job")])
        defer { site.remove() }
        let file = site.root.appendingPathComponent("postings/en/job.md")
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_700_000_000)], ofItemAtPath: file.path)
        let report = try site.build()
        #expect(report.catalog.entries.first?.posting.datePosted.seconds == 1_700_000_000)
        let warning = try #require(report.diagnostics.first)
        #expect(warning.severity == .warning)
        #expect(warning.file.hasSuffix("postings/en/job.md"))
        #expect(warning.message.contains("add 'date: YYYY-MM-DD'"))
    }
}
