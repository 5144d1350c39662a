import Foundation
import JobFeed
import JobFeedSystem
import Testing

/// Every file of the state folder damaged in turn (overwritten with 0xFF past its first line,
/// cut in half, a word in its middle set to 0xFF): the build goes on and publishes every job it
/// published before, once with nothing else changed and once with a posting edited. A damaged
/// last-good index trapped in every build (a generation past `Int.max`) before 4c2ec24: a sweep
/// of 312 such damages over the sample's state folder found that one only.
@Suite struct StateDamageTests {
    static let postings = [
        "en/designer.md": TemporarySite.posting("title: Designer\ndate: 2026-01-05\ntranslationKey: designer"),
        "fr/designer.md": TemporarySite.posting("title: Designer FR\ndate: 2026-01-05\ntranslationKey: designer"),
        "en/writer.md": TemporarySite.posting("title: Writer\ndate: 2026-02-01"),
    ]

    enum Damage: String, CaseIterable {
        case filledPastTheFirstLine, cutInHalf, middleWordFilled

        func apply(to data: Data) -> Data {
            var bytes = [UInt8](data)
            switch self {
            case .filledPastTheFirstLine:
                let start = min(bytes.count, (bytes.firstIndex(of: 0x0A) ?? 19) + 1)
                bytes.replaceSubrange(start..., with: [UInt8](repeating: 0xFF, count: max(8, bytes.count - start)))
            case .cutInHalf:
                bytes.removeLast(bytes.count - bytes.count / 2)
            case .middleWordFilled:
                let start = max(0, bytes.count / 2 - 4)
                bytes.replaceSubrange(start..<min(bytes.count, start + 8), with: [UInt8](repeating: 0xFF, count: 8))
            }
            return Data(bytes)
        }
    }

    /// The state folder's files by kind (the outputs' layouts are one kind, the packs another:
    /// their names change as builds replace them), the first of each.
    static func stateFiles(of site: TemporarySite) -> [String: String] {
        let state = site.root.appendingPathComponent(".jobfeed").path
        var files: [String: String] = [:]
        for relative in FolderWalk.files(below: state).sorted() {
            let kind = relative.hasPrefix("cache/layouts/") ? "cache/layouts" : relative.replacing(/pack-[0-9]+$/, with: "pack")
            if files[kind] == nil { files[kind] = state + "/" + relative }
        }
        return files
    }

    @Test(arguments: Damage.allCases, [false, true])
    func aDamagedStateFileLosesNoJob(_ damage: Damage, edited: Bool) throws {
        let site = try TemporarySite(postings: Self.postings)
        defer { site.remove() }
        let first = try site.build()
        let published = try #require(site.read("feeds/en/rss.xml"))
        let kinds = Self.stateFiles(of: site).keys.sorted()
        #expect(kinds.count >= 6, "\(kinds)")
        for (round, kind) in kinds.enumerated() {
            let file = try #require(Self.stateFiles(of: site)[kind], "\(kind)")
            let original = try Data(contentsOf: URL(fileURLWithPath: file))
            try damage.apply(to: original).write(to: URL(fileURLWithPath: file))
            if edited { try site.write("postings/en/writer.md", TemporarySite.posting("title: Writer\ndate: 2026-02-01", body: "Edited \(round).")) }
            let report = try site.build()
            #expect(!report.hasErrors, "\(kind): \(report.diagnostics)")
            #expect(report.count(.active, in: "en") == first.count(.active, in: "en"), "\(kind)")
            if !edited { #expect(site.read("feeds/en/rss.xml") == published, "\(kind)") }
        }
    }
}
