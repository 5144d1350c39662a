import Foundation
import Testing
import JobFeed

/// cmark-gfm's extensions are not thread-safe unless registered once up front: rendering the
/// real corpus on every core must give exactly what a serial run gives.
@Suite struct BodyRendererConcurrencyTests {
    @Test(.enabled(if: RealCorpusTests.present, "skipped: ../shared/corpus/cds is absent"))
    func concurrentRenderingMatchesSerialRenderingByteForByte() throws {
        let postings = try RealCorpusTests.postings()
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
