import Foundation
import Testing
import JobFeedCore
import JobFeedPublishing
import JobFeedSystem

/// An output's spare is the version before the published one, and the build keeps where its
/// parts lie: a part the spare holds at the very offset the new version puts it is left
/// there, not copied again. The outputs are a fresh build's either way, and a spare touched
/// since its layout was kept is written in full.
@Suite(.enabled(if: SpareFileTests.spareIsUsable)) struct SparePartsInPlaceTests {
    static let separator = Data(",\n".utf8).withUnsafeBytes { ContentDigest.of($0) }
    static let first = PartSpan(source: 1, digest: 1, offset: 1, length: 5)
    static let second = PartSpan(source: 2, digest: 2, offset: 8, length: 6, lead: separator, leadLength: 2)

    /// Writes `[first,\nsecond]` as a build does (parts copied from the earlier file, the
    /// rest written) over a spare holding `spareText`, which `spareLayout` describes; returns
    /// what the file holds then and how many bytes were left in place.
    func written(overSpare spareText: String, spareLayout: [PartSpan]) throws -> (text: String, leftInPlace: Int) {
        let folder = try ScratchPath.folder("in-place")
        defer { try? FileManager.default.removeItem(at: folder) }
        let earlier = folder.appendingPathComponent("earlier").path
        try Data("[first,\nsecond]".utf8).write(to: URL(fileURLWithPath: earlier))
        let spare = folder.appendingPathComponent("spare").path
        // The mode a new file would have, which a spare must have to be written over.
        #expect(FileManager.default.createFile(atPath: spare, contents: Data(spareText.utf8), attributes: [.posixPermissions: 0o644 & ~Self.umask]))
        let source = try OpenFile(earlier, .readOnly, operation: "read")
        let staged = try StagedFile(target: folder.appendingPathComponent("target").path, folder: folder.path, spare: spare, spareLayout: spareLayout)
        for (text, span) in [("[", Self.first), (",\n", Self.second)] {
            Data(text.utf8).withUnsafeBytes { staged.write($0) }
            staged.copy(from: source, span)
        }
        Data("]".utf8).withUnsafeBytes { staged.write($0) }
        try staged.finish()
        defer { staged.discard() }
        return (String(decoding: try Data(contentsOf: URL(fileURLWithPath: staged.temporaryPath)), as: UTF8.self), staged.bytesLeftInPlace)
    }

    static let umask: Int = {
        let mask = Foundation.umask(0)
        Foundation.umask(mask)
        return Int(mask)
    }()

    /// The spare's bytes differ from the parts' here, and its layout says the parts lie there:
    /// what the file ends with shows which bytes were left and which written.
    @Test func partsTheSpareHoldsAtTheirOffsetsAreLeftThere() throws {
        let result = try written(overSpare: "[FIRST,\nSECOND] and more", spareLayout: [Self.first, Self.second])
        // Both parts and the separator between them left; the rest written, and cut to size.
        #expect(result.text == "[FIRST,\nSECOND]")
        #expect(result.leftInPlace == 13)
    }

    @Test func aPartTheSpareHoldsElsewhereOrOtherwiseIsCopied() throws {
        var moved = Self.second
        moved.offset = 9
        var other = Self.first
        other.digest = 9
        let result = try written(overSpare: "[FIRST,\n SECOND]", spareLayout: [other, moved])
        #expect(result.text == "[first,\nsecond]")
        #expect(result.leftInPlace == 0)
    }

    /// Bytes written between two parts that the spare does not hold there end the stretch left
    /// in place: the next part is left too, but the bytes before it are written.
    @Test func differentBytesBetweenPartsAreWritten() throws {
        let result = try written(overSpare: "[FIRST;;SECOND]", spareLayout: [Self.first, PartSpan(source: 2, digest: 2, offset: 8, length: 6, lead: 7, leadLength: 2)])
        #expect(result.text == "[FIRST,\nSECOND]")
        #expect(result.leftInPlace == 11)
    }

    /// Three builds, each editing the oldest posting, which is last in its feed: the third
    /// writes the feed over the spare the first published, and leaves all before that posting.
    @Test func aCronBuildLeavesWhatTheSpareHoldsAndEqualsAFreshBuild() throws {
        let site = try TemporarySite(postings: IncrementalBuildTests.postings)
        defer { site.remove() }
        _ = try site.build()
        for edit in 1...2 {
            try site.write("postings/en/designer.md", TemporarySite.posting("title: Designer, edit \(edit)\ndate: 2026-01-05\ntranslationKey: designer"))
            let report = try site.build()
            #expect((report.files.bytesLeftInPlace > 0) == (edit == 2))
            #expect(OutputTree.published(below: site.root) == (try BuildCacheArchiveTests().freshOutputs(of: site)))
        }
    }

    /// The feed's spare rewritten in place, keeping its size and times: its status-change time
    /// still moved, so its layout is not trusted and the feed is written in full, right.
    @Test func aSpareTouchedSinceItsLayoutWasKeptIsWrittenInFull() throws {
        let site = try TemporarySite(postings: IncrementalBuildTests.postings)
        defer { site.remove() }
        _ = try site.build()
        try site.write("postings/en/designer.md", TemporarySite.posting("title: Designer, edited\ndate: 2026-01-05\ntranslationKey: designer"))
        _ = try site.build()
        let folder = StateFolder(try site.config()).spares.path
        let spares = FolderWalk.files(below: folder)
        #expect(!spares.isEmpty)
        for spare in spares {
            let relative = String(try #require((folder + "/" + spare).relative(below: site.root.path)))
            #expect(try site.rewriteKeepingItsStamp(relative, replacing: "Writer", with: "Wraith") != nil)
        }
        try site.write("postings/en/designer.md", TemporarySite.posting("title: Designer, edited again\ndate: 2026-01-05\ntranslationKey: designer"))
        #expect(try site.build().files.bytesLeftInPlace == 0)
        #expect(OutputTree.published(below: site.root) == (try BuildCacheArchiveTests().freshOutputs(of: site)))
        #expect(!(site.read("feeds/en/rss.xml") ?? "").contains("Wraith"))
    }
}
