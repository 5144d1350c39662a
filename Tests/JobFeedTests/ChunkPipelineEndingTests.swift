import Foundation
import Testing
import JobFeed
import JobFeedCore
import JobFeedPublishing
import JobFeedRendering
import Synchronization

/// Writers that go on side by side (`WalkSchedule`) must still end a walk as a walk a chunk at
/// a time did: a writer's failure at a chunk lets every other writer take that chunk, and the
/// failure reported is the first such a walk met. (A writer that had run ahead of the failing
/// one may have taken a later chunk before the failure was known: the build fails, and its
/// staged files go with it.)
extension ChunkPipelineTests {
    /// Notes the chunks each writer took (by their first posting's place in the catalog).
    final class TakenChunks: Sendable {
        let taken = Mutex<[String: [Int]]>([:])
        let places: [String: Int]

        init(_ entries: [CatalogEntry]) {
            places = Dictionary(uniqueKeysWithValues: entries.enumerated().map { ($1.posting.source.absolutePath, $0) })
        }

        func note(_ writer: String, _ chunk: RenderedChunk) {
            let first = chunk.items.first.flatMap { places[$0.entry.posting.source.absolutePath] } ?? -1
            taken.withLock { $0[writer, default: []].append(first / ChunkRenderer.chunkSize) }
        }
    }

    /// A format with one writer, which takes chunks until its `failing`th (counted from 0).
    struct TakingFormat: OutputFormat {
        static let id = "taking"
        let name: String
        let failing: Int?
        let log: TakenChunks?

        init(config: Config) {
            self.init(name: "", failing: nil, log: nil)
        }

        init(name: String, failing: Int?, log: TakenChunks?) {
            self.name = name
            self.failing = failing
            self.log = log
        }

        func writers(_ build: FormatBuild) throws(DiagnosticError) -> [any FormatWriter] {
            [Writer(format: self)]
        }

        func files(_ config: Config) -> [URL] { [] }
        func violations(in bytes: Data) -> [String] { [] }

        final class Writer: FormatWriter, @unchecked Sendable {
            let format: TakingFormat
            var appended = 0

            init(format: TakingFormat) {
                self.format = format
            }

            func append(_ chunk: RenderedChunk) throws(DiagnosticError) {
                format.log?.note(format.name, chunk)
                defer { appended += 1 }
                if appended == format.failing { throw DiagnosticError(Diagnostic(.error, file: format.name, "failed at chunk \(appended)")) }
            }

            func finish(into plan: inout OutputPlan) throws(DiagnosticError) {}
        }
    }

    /// Walks the catalog of `count` postings through writers named a, b, c… that fail at the
    /// given chunks; returns the failure reported and the chunks each writer took.
    func walk(failing: [Int?]) throws -> (failure: String?, taken: [String: [Int]]) {
        let site = try TemporarySite(postings: Self.postings())
        defer { site.remove() }
        let config = try site.config()
        var context = PublishingContext(config: config, now: TemporarySite.now)
        context.catalog = try Publisher(config: config, now: TemporarySite.now).check().catalog
        let log = TakenChunks(context.catalog.entries)
        let formats: [any OutputFormat] = failing.enumerated().map { place, chunk in
            TakingFormat(name: String(UnicodeScalar(UInt8(97 + place))), failing: chunk, log: log)
        }
        let streams = try OutputStreams(context: context, formats: formats)
        let pipeline = ChunkPipeline(renderer: ChunkRenderer(formats: formats, cache: nil), streams: streams, shouldStop: { false })
        let walk = pipeline.walk(context.catalog.entries)
        return (walk.failure?.description, log.taken.withLock { $0 })
    }

    @Test func everyWriterTakesEveryChunkInOrder() throws {
        let (failure, taken) = try walk(failing: [nil, nil, nil])
        #expect(failure == nil)
        #expect(taken == ["a": [0, 1, 2], "b": [0, 1, 2], "c": [0, 1, 2]])
    }

    /// Each writer took the chunks from the first on, in order, the failing chunk among them.
    func tookInOrder(_ taken: [Int]?, through failing: Int) -> Bool {
        guard let taken else { return false }
        return taken == Array(0..<taken.count) && taken.count > failing
    }

    @Test func aWritersFailureLetsTheOthersTakeItsChunk() throws {
        let (failure, taken) = try walk(failing: [nil, 1, 2])
        #expect(failure == "b: error: failed at chunk 1")
        #expect(taken["b"] == [0, 1])
        #expect(tookInOrder(taken["a"], through: 1) && tookInOrder(taken["c"], through: 1))
    }

    @Test func writersFailingAtOneChunkReportTheFirstWritersFailure() throws {
        let (failure, taken) = try walk(failing: [nil, 0, 0])
        #expect(failure == "b: error: failed at chunk 0")
        #expect(taken["b"] == [0] && taken["c"] == [0])
        #expect(tookInOrder(taken["a"], through: 0))
    }

    @Test func anEarlierChunksFailureIsReportedBeforeALaterOnes() throws {
        let (failure, taken) = try walk(failing: [2, 1, nil])
        #expect(failure == "b: error: failed at chunk 1")
        #expect(taken["b"] == [0, 1])
        #expect(tookInOrder(taken["a"], through: 1) && tookInOrder(taken["c"], through: 1))
    }
}
