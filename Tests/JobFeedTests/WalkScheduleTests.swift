import Testing
@testable import JobFeedPublishing

/// The walk over the catalog (`WalkSchedule`, run by `ChunkPipeline`) lets each output's
/// writer take the chunks in order as soon as they render: whatever order its tasks end in,
/// every writer must take every chunk once, in order, never before it has rendered, and
/// rendering must stay within its lookahead of the slowest writer. The tasks here end in
/// orders a seeded generator picks, as two cores would end them.
@Suite struct WalkScheduleTests {
    /// Runs a walk to its end on `cores` cores, ending one task under way at a time, picked at
    /// random; checks each task as it starts. Returns the chunks each writer took, in order.
    func simulate(entries: Int, chunkSize: Int, writers: Int, lookahead: Int, seed: UInt64, cores: Int = 2,
                  failing: (writer: Int, chunk: Int)? = nil, failingRender: Int? = nil) -> (taken: [[Int]], schedule: WalkSchedule) {
        var random = SplitMix64(seed: seed)
        var schedule = WalkSchedule(entries: entries, chunkSize: chunkSize, writers: writers,
                                    preference: Array((0..<writers).reversed()), lookahead: lookahead)
        var underWay: [WalkSchedule.Task] = []
        var taken = Array(repeating: [Int](), count: writers)
        var renderedChunks = Set<Int>()
        var renderedEntries = Set<Int>()
        while true {
            while underWay.count < cores, let task = schedule.next() {
                switch task {
                case let .render(entry):
                    #expect(renderedEntries.insert(entry).inserted, "entry \(entry) rendered twice")
                    #expect(entry / chunkSize < schedule.released + lookahead, "rendered beyond the lookahead")
                case let .write(writer, chunk):
                    #expect(renderedChunks.contains(chunk), "chunk \(chunk) taken before it rendered")
                    #expect(!underWay.contains { if case .write(writer, _) = $0 { true } else { false } }, "a writer took two chunks at once")
                    #expect(taken[writer].last.map { $0 + 1 } ?? 0 == chunk, "writer \(writer) took chunk \(chunk) out of order")
                    taken[writer].append(chunk)
                }
                underWay.append(task)
            }
            guard !underWay.isEmpty else { break }
            var released: Range<Int> = 0..<0
            switch underWay.remove(at: Int.random(in: 0..<underWay.count, using: &random)) {
            case let .render(entry):
                if schedule.entryRendered(entry) {
                    let chunk = entry / chunkSize
                    renderedChunks.insert(chunk)
                    released = schedule.rendered(chunk, endsTheWalk: chunk == failingRender)
                }
            case let .write(writer, chunk):
                released = schedule.wrote(chunk, writer: writer, failed: failing.map { $0 == (writer, chunk) } ?? false)
            }
            // A chunk is freed once released: every writer must have taken it, none be taking it.
            for chunk in released {
                #expect(taken.allSatisfy { $0.contains(chunk) }, "chunk \(chunk) released before every writer took it")
                #expect(!underWay.contains { if case .write(_, chunk) = $0 { true } else { false } }, "chunk \(chunk) released while a writer takes it")
            }
        }
        #expect(schedule.isFinished)
        return (taken, schedule)
    }

    @Test(arguments: [(1_100, 100, 3, 3), (1_000, 100, 9, 2), (37, 512, 4, 3), (900, 100, 1, 1), (250, 10, 0, 2), (0, 512, 3, 3)])
    func everyWriterTakesEveryChunkOnceInOrderWhateverOrderTasksEndIn(entries: Int, chunkSize: Int, writers: Int, lookahead: Int) {
        let chunks = (entries + chunkSize - 1) / chunkSize
        // One core (a machine or container with one), two (this one's), and more.
        for seed in 0..<40 as Range<UInt64> {
            let (taken, schedule) = simulate(entries: entries, chunkSize: chunkSize, writers: writers, lookahead: lookahead, seed: seed,
                                             cores: [1, 2, 4][Int(seed % 3)])
            #expect(taken == Array(repeating: Array(0..<chunks), count: writers))
            #expect(schedule.released == chunks)
        }
    }

    @Test func aWritersFailureLetsTheOthersTakeThatChunkAndNoLaterOne() {
        for seed in 0..<40 as Range<UInt64> {
            let (taken, schedule) = simulate(entries: 1_000, chunkSize: 100, writers: 3, lookahead: 3, seed: seed, failing: (writer: 1, chunk: 4))
            #expect(taken == Array(repeating: Array(0...4), count: 3))
            #expect(schedule.end == 5)
        }
    }

    @Test func aChunkThatEndsTheWalkIsTakenByNoWriter() {
        for seed in 0..<40 as Range<UInt64> {
            let (taken, schedule) = simulate(entries: 1_000, chunkSize: 100, writers: 2, lookahead: 2, seed: seed, failingRender: 6)
            #expect(taken == Array(repeating: Array(0..<6), count: 2))
            #expect(schedule.end == 6)
        }
    }

    /// A chunk a time, a writer's failure at one chunk was reported before the next chunk's
    /// rendering failed, and the writers' failures in the writers' order.
    @Test func endingsAreOrderedAsAWalkAChunkAtATimeMetThem() {
        typealias Ending = WalkSchedule.Ending
        #expect(Ending.writer(2, failedAt: 4) < .rendering(endedAt: 5))
        #expect(Ending.writer(0, failedAt: 4) < .writer(2, failedAt: 4))
        #expect(Ending.rendering(endedAt: 4) < .writer(0, failedAt: 4))
        #expect(Ending.rendering(endedAt: 3) < .writer(0, failedAt: 3))
        #expect(!(Ending.rendering(endedAt: 5) < .writer(2, failedAt: 4)))
    }

    @Test func aStopStartsNothingMore() {
        var schedule = WalkSchedule(entries: 1_000, chunkSize: 100, writers: 2, preference: [1, 0], lookahead: 2)
        let first = schedule.next()
        #expect(first == .render(entry: 0))
        schedule.stop()
        let after = schedule.next()
        #expect(after == nil)
        #expect(!schedule.isFinished)
        let endedItsChunk = schedule.entryRendered(0)
        #expect(!endedItsChunk)
        #expect(schedule.isFinished)
    }
}
