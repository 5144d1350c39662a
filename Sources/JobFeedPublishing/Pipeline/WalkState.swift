import Foundation
import JobFeedCore
import JobFeedRendering

/// A walk's shared state (see `ChunkPipeline`): its schedule, the postings rendered so far,
/// the chunks waiting for writers, and what ended it. Every field is read and changed under
/// `condition`'s lock; rendering and writing run outside it.
final class WalkState: @unchecked Sendable {
    private let condition = NSCondition()
    private var schedule: WalkSchedule
    /// Each chunk's postings' outcomes, filled as they render, in any order.
    private var outcomes: [[ChunkRenderer.Outcome]]
    private var chunks: [RenderedChunk?]
    private var noted: [(diagnostics: [Diagnostic], bodies: Int, parts: Int)?]
    /// The first of what ended the walk (see `WalkSchedule.Ending`), with its failure if any.
    private var ending: (when: WalkSchedule.Ending, failure: DiagnosticError?)?
    private var stopAsked = false
    /// Told how many postings every writer has taken, as chunks are.
    private let written: @Sendable (Int) -> Void

    init(_ schedule: WalkSchedule, written: @escaping @Sendable (Int) -> Void) {
        self.schedule = schedule
        self.written = written
        outcomes = Array(repeating: [], count: schedule.chunkCount)
        chunks = Array(repeating: nil, count: schedule.chunkCount)
        noted = Array(repeating: nil, count: schedule.chunkCount)
    }

    /// One core's share: takes tasks until the walk is over.
    func work(_ pipeline: ChunkPipeline, _ entries: [CatalogEntry]) {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if !stopAsked, pipeline.shouldStop() {
                stopAsked = true
                schedule.stop()
                end(.stopAsked, nil)
            }
            guard let task = schedule.next() else {
                if schedule.isFinished {
                    condition.broadcast()
                    return
                }
                condition.wait()
                continue
            }
            switch task {
            case let .render(entry):
                condition.unlock()
                let outcome = pipeline.renderer.outcome(of: entries[entry], shouldStop: pipeline.shouldStop)
                condition.lock()
                rendered(entry, outcome, pipeline.renderer)
            case let .write(writer, chunk):
                var taken = chunks[chunk]
                condition.unlock()
                let result = taken.map { pipeline.streams.append($0, writer: writer) } ?? .success(())
                // The chunk's last holder may be this one: freed here, outside the lock.
                taken = nil
                condition.lock()
                var failed = false
                if case let .failure(error) = result {
                    end(.writer(writer, failedAt: chunk), error)
                    failed = true
                }
                release(schedule.wrote(chunk, writer: writer, failed: failed))
            }
            condition.broadcast()
        }
    }

    /// Notes a posting's outcome; when it was its chunk's last, puts the chunk together
    /// outside the lock.
    private func rendered(_ entry: Int, _ outcome: ChunkRenderer.Outcome, _ renderer: ChunkRenderer) {
        let chunk = entry / schedule.chunkSize
        if outcomes[chunk].isEmpty { outcomes[chunk] = Array(repeating: nil, count: schedule.size(of: chunk)) }
        outcomes[chunk][entry - chunk * schedule.chunkSize] = outcome
        guard schedule.entryRendered(entry) else { return }
        var taken = outcomes[chunk]
        outcomes[chunk] = []
        condition.unlock()
        let made = renderer.chunk(of: taken)
        taken = []
        condition.lock()
        let failure = made.stopped ? nil : made.failure.map { DiagnosticError(Diagnostic(.error, file: $0.file, $0.message)) }
        let endsTheWalk = made.stopped || failure != nil
        if endsTheWalk { end(.rendering(endedAt: chunk), failure) }
        noted[chunk] = (made.diagnostics, made.bodiesRendered, made.partsLeftInCache)
        chunks[chunk] = endsTheWalk ? nil : made
        // With no writers, a chunk is released as soon as it renders.
        release(schedule.rendered(chunk, endsTheWalk: endsTheWalk))
    }

    /// Keeps what ended the walk when it comes before what did so far.
    private func end(_ when: WalkSchedule.Ending, _ failure: DiagnosticError?) {
        if ending.map({ when < $0.when }) ?? true { ending = (when, failure) }
    }

    /// Frees the chunks every writer has taken, outside the lock, and says how many postings
    /// they held.
    private func release(_ released: Range<Int>) {
        guard !released.isEmpty else { return }
        var freed = released.map { chunks[$0].take() }
        let count = released.reduce(0) { $0 + schedule.size(of: $1) }
        condition.unlock()
        freed.removeAll()
        written(count)
        condition.lock()
    }

    /// What the chunks before the first ending noted, and that ending.
    func result() -> ChunkPipeline.Walk {
        condition.lock()
        defer { condition.unlock() }
        var walk = ChunkPipeline.Walk(failure: ending?.failure, stopped: ending != nil && ending?.failure == nil)
        for chunk in 0..<min(ending?.when.turn ?? schedule.chunkCount, schedule.chunkCount) {
            guard let note = noted[chunk] else { break }
            walk.diagnostics += note.diagnostics
            walk.bodiesRendered += note.bodies
            walk.partsLeftInCache += note.parts
        }
        return walk
    }
}
