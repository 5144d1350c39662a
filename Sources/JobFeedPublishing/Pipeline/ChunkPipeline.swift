import JobFeedCore
import JobFeedRendering
import Synchronization

/// Streams the catalog through the outputs a chunk at a time, with two chunks in flight: the
/// outputs' writers take one chunk while the next one renders, in one batch on every core.
/// With a barrier between rendering and writing, the core that finished its writers first sat
/// idle until the other finished the largest output, at the end of every chunk.
///
/// The writers still take the chunks one after the other, in the catalog's order, so the
/// outputs are byte for byte those of rendering and writing in turn. What rendering asks of
/// the writers while they write (`FormatWriter.needsBytes`) reads only what writing does not
/// change.
package struct ChunkPipeline: Sendable {
    package let renderer: ChunkRenderer
    package let streams: OutputStreams
    /// Asked before each posting renders.
    package let shouldStop: @Sendable () -> Bool

    /// Renders the entries while the writers take `rendered` (rendered in the turn before);
    /// returns the entries' chunk, which the next turn hands to the writers. Throws what the
    /// writers failed with, else what stops the build in the new chunk.
    ///
    /// The entries are a stretch of the catalog, taken where they lie (copied into an array of
    /// their own, 512 postings were retained one by one on one core at every turn). `spent`,
    /// the chunk the writers took at the turn before, is freed by the core that takes the first
    /// writer's turn: dropped between turns, its items and their parts were freed on one core
    /// while the other waited.
    package func turn(rendering entries: ArraySlice<CatalogEntry>, writing rendered: RenderedChunk?,
                      freeing spent: consuming RenderedChunk? = nil) throws(DiagnosticError) -> RenderedChunk {
        let writing = rendered ?? RenderedChunk()
        let spent = SpentChunk(spent)
        let (appended, outcomes) = Parallel.map(
            rendered == nil ? [] : streams.turns, { turn in
                spent.free()
                return streams.append(writing, turn: turn)
            },
            then: Array(entries.indices), { index in renderer.outcome(of: entries[index], shouldStop: shouldStop) })
        try streams.check(appended)
        let chunk = renderer.chunk(of: outcomes)
        if let failure = chunk.failure, !chunk.stopped { throw DiagnosticError(Diagnostic(.error, file: failure.file, failure.message)) }
        return chunk
    }
}

/// A chunk no writer takes any more, freed by the first core that asks.
private final class SpentChunk: Sendable {
    private let chunk: Mutex<RenderedChunk?>

    init(_ chunk: consuming RenderedChunk?) {
        self.chunk = Mutex(chunk)
    }

    /// Frees the chunk, outside the lock, if no one has yet.
    func free() {
        _ = chunk.withLock { $0.take() }
    }
}
