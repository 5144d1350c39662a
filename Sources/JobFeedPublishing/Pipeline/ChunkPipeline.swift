import JobFeedCore
import JobFeedRendering

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
    package func turn(rendering entries: [CatalogEntry], writing rendered: RenderedChunk?, into plan: inout OutputPlan) throws(DiagnosticError) -> RenderedChunk {
        let writing = rendered ?? RenderedChunk()
        let (appended, outcomes) = Parallel.map(
            rendered == nil ? [] : streams.turns, { turn in streams.append(writing, turn: turn) },
            then: entries, { entry in renderer.outcome(of: entry, shouldStop: shouldStop) })
        try streams.add(appended, to: &plan)
        let chunk = renderer.chunk(of: outcomes)
        if let failure = chunk.failure, !chunk.stopped { throw DiagnosticError(Diagnostic(.error, file: failure.file, failure.message)) }
        return chunk
    }
}
