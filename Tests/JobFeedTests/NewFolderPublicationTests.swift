import Foundation
import Testing
import JobFeed
import JobFeedSystem

/// A folder of per-posting documents that does not exist yet is written whole in the state
/// folder and published with one rename; it appears with every document or not at all.
@Suite struct NewFolderPublicationTests {
    @Test func documentsInANewFolderAreTheSameAsInAnExistingOne() throws {
        let fresh = try TemporarySite(postings: BuildBehaviourTests.postings)
        defer { fresh.remove() }
        let existing = try TemporarySite(postings: BuildBehaviourTests.postings)
        defer { existing.remove() }
        try FileManager.default.createDirectory(at: existing.root.appendingPathComponent("exports/jsonld"), withIntermediateDirectories: true)
        let staging = StateFolder(try fresh.config()).staging.path
        let staged = StagingFolders(StateFolder(try fresh.config()), ownedFolders: [fresh.path("exports/jsonld")])
        #expect(staged.pathInNewFolder(for: fresh.path("exports/jsonld/en/a.jsonld"))?.isBelow(staging) == true)
        let existingStaged = StagingFolders(StateFolder(try existing.config()), ownedFolders: [existing.path("exports/jsonld")])
        #expect(existingStaged.pathInNewFolder(for: existing.path("exports/jsonld/en/a.jsonld")) == nil)
        try FileManager.default.removeItem(atPath: staging)

        let freshReport = try fresh.build()
        let existingReport = try existing.build()
        let documents = OutputTree.published(below: fresh.root).filter { $0.key.hasPrefix("exports/jsonld/") }
        #expect(documents.count == 3)
        #expect(documents == OutputTree.published(below: existing.root).filter { $0.key.hasPrefix("exports/jsonld/") })
        #expect(freshReport.files.written.map { $0.dropFirst(fresh.root.path.count) } == existingReport.files.written.map { $0.dropFirst(existing.root.path.count) })
        #expect(FolderWalk.entries(of: staging).isEmpty)
        let modes = try ["exports", "exports/jsonld", "exports/jsonld/en"].map { path in
            try #require(FileManager.default.attributesOfItem(atPath: fresh.path(path))[.posixPermissions] as? Int)
        }
        #expect(Set(modes).count == 1, "a published folder's mode is not the other folders': \(modes)")
    }

    @Test func aFirstBuildThatCannotPublishLeavesNoDocumentFolder() throws {
        let site = try TemporarySite(postings: BuildBehaviourTests.postings)
        defer { site.remove() }
        try site.write("feeds/en/rss.xml/in-the-way", "a folder where the feed goes")
        #expect(throws: DiagnosticError.self) { try site.build() }
        #expect(!FileManager.default.fileExists(atPath: site.path("exports/jsonld")))
        #expect(OutputTree.published(below: site.root).keys.sorted() == ["feeds/en/rss.xml/in-the-way"])

        try FileManager.default.removeItem(atPath: site.path("feeds/en/rss.xml"))
        _ = try site.build()
        #expect(site.read("exports/jsonld/en/writer.jsonld")?.contains("Writer") == true)
        #expect(FolderWalk.entries(of: StateFolder(try site.config()).staging.path).isEmpty)
    }

    /// What a build killed just after renaming a new folder into place leaves: the journal
    /// names the folder, and the next build takes it away with what it holds.
    @Test func aNewFolderAKilledBuildPublishedIsUndone() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let state = StateFolder(try site.config())
        try site.write("exports/jsonld/en/a.jsonld", "{}")
        try site.write("exports/jsonld/fr/b.jsonld", "{}")
        try StateFolder.create(state.url)
        let journal = [Publication.Change(target: site.path("exports/jsonld"), replacement: state.staging.path + "/folder-1-0", isFolder: true)]
        try JSONEncoder().encode(journal).write(to: state.journal)

        #expect(Publication.recover(state).contains { $0.message.contains("undone") })
        #expect(!FileManager.default.fileExists(atPath: site.path("exports/jsonld")))
        #expect(FileManager.default.fileExists(atPath: site.path("exports")))
    }

    /// What a build killed after writing its journal but before renaming a new folder into
    /// place leaves, when someone else has made a folder of that name meanwhile: the next build
    /// undoes the publication before it clears the staging folder, finds the staged copy still
    /// there, and leaves that folder, and what it holds, alone.
    @Test func aFolderOfTheSameNameNeverRenamedIntoPlaceIsLeftAlone() throws {
        let site = try TemporarySite(postings: BuildBehaviourTests.postings)
        defer { site.remove() }
        let state = StateFolder(try site.config())
        let staged = state.staging.path + "/folder-1-0"
        try StateFolder.create(state.url)
        try FileManager.default.createDirectory(atPath: staged + "/en", withIntermediateDirectories: true)
        try Data("{}".utf8).write(to: URL(fileURLWithPath: staged + "/en/writer.jsonld"))
        try site.write("exports/jsonld/notes.txt", "someone else's")
        let journal = [Publication.Change(target: site.path("exports/jsonld"), replacement: staged, isFolder: true)]
        try JSONEncoder().encode(journal).write(to: state.journal)

        let report = try site.build()
        #expect(report.diagnostics.contains { $0.message.contains("undone") })
        #expect(site.read("exports/jsonld/notes.txt") == "someone else's")
        #expect(site.read("exports/jsonld/en/writer.jsonld")?.contains("Writer") == true)
        #expect(FolderWalk.entries(of: state.staging.path).isEmpty)
    }

    /// A folder that did not exist as its documents were written, but does when they are
    /// published (another program made it, with a file of its own): each document is renamed
    /// into it, and the file stays.
    @Test func aNewFolderMadeMeanwhileGetsItsDocumentsOneByOne() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let state = StateFolder(try site.config())
        let owned = site.path("exports/jsonld")
        let writer = OutputWriter(state: state, staging: StagingFolders(state, ownedFolders: [owned]), cache: nil)
        var plan = OutputPlan()
        for name in ["en/a", "fr/b"] {
            let path = owned + "/\(name).jsonld"
            plan.prepared[ExactPath(path)] = writer.prepare(path, Data("{\"name\": \"\(name)\"}".utf8))
        }
        plan.ownedFolders = [(URL(fileURLWithPath: owned), "jsonld")]
        try site.write("exports/jsonld/notes.txt", "someone else's")

        let result = try writer.publish(writer.stage(plan))
        #expect(result.written.count == 2)
        #expect(site.read("exports/jsonld/en/a.jsonld") == "{\"name\": \"en/a\"}")
        #expect(site.read("exports/jsonld/fr/b.jsonld") == "{\"name\": \"fr/b\"}")
        #expect(site.read("exports/jsonld/notes.txt") == "someone else's")
        #expect(FolderWalk.entries(of: state.staging.path).isEmpty)
    }
}
