import Foundation
import Testing
import JobFeed

/// cmark-gfm's extensions are not thread-safe unless registered once up front: rendering the
/// real corpus on every core must give exactly what a serial run gives.
@Suite struct BodyRendererConcurrencyTests {
    static let corpus = RealCorpusTests.corpus

    @Test(.enabled(if: RealCorpusTests.present, "skipped: ../shared/corpus/cds is absent"))
    func concurrentRenderingMatchesSerialRenderingByteForByte() throws {
        let config = try Config.load(from: Repository.root.appendingPathComponent("Tests/RealCorpus/cds.yml"),
                                     overrides: FolderOverrides(postings: Self.corpus.path))
        var discovery = PostingDiscovery(root: config.postingsDirectory, languages: config.languageCodes)
        let files = try discovery.files()
        let parser = PostingParser(config: config, fallbackDates: FallbackDates(root: config.postingsDirectory, consultGit: false))
        let postings = files.compactMap { file in
            FileManager.default.contents(atPath: file.url.path).flatMap { parser.parse(file, data: $0).posting }
        }
        #expect(postings.count > 200)
        // The real corpus has no strikethrough or tables, which the reported failures involved.
        var extensions = postings[0]
        extensions.body = "~~struck~~ www.example.org https://x.org\n\n| a | b |\n|---|---|\n| ~~1~~ | 2 |\n\n<script>x</script>"
        // Every posting ten times over, so both cores are busy rendering at once throughout.
        let workload = Array(repeating: postings + Array(repeating: extensions, count: 50), count: 10).flatMap { $0 }
        let renderer = BodyRenderer()
        let serial = try workload.map { try renderer.render($0) }
        let parallel = Parallel.map(workload) { try? renderer.render($0) }
        let mismatches = zip(serial, parallel).filter { $0 != $1 }.count
        #expect(mismatches == 0)
        #expect(serial.last?.feedHTML.contains("<del>struck</del>") == true)
    }
}
