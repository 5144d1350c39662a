import Foundation
import JobFeedCore
import JobFeedRendering

/// Streams the catalog through the outputs a chunk at a time, on every core: the postings
/// render, and each output's writer takes the rendered chunks in the catalog's order, as soon
/// as its next one is ready (`WalkSchedule`). The outputs are so byte for byte those of
/// rendering and writing in turn.
///
/// Writers at different chunks go on side by side. Taken a turn at a time (every writer took
/// a chunk while the next rendered, then all waited for the slowest), a core sat idle at the
/// end of each turn whenever one writer had a long copy to make: through a watcher's walk at
/// 10,000 postings, whose rendering is mostly cached, both cores were busy 70% of the time
/// (83% so), and a thread was started for every turn.
///
/// What rendering asks of the writers while they write (`FormatWriter.needsBytes`) reads only
/// what writing does not change.
package struct ChunkPipeline: Sendable {
    package let renderer: ChunkRenderer
    package let streams: OutputStreams
    /// Asked before each posting renders and before a writer takes a chunk.
    package let shouldStop: @Sendable () -> Bool
    /// Rendered chunks that may wait for the slowest writer: a few megabytes of bodies each.
    static let lookahead = 3

    package init(renderer: ChunkRenderer, streams: OutputStreams, shouldStop: @escaping @Sendable () -> Bool) {
        self.renderer = renderer
        self.streams = streams
        self.shouldStop = shouldStop
    }

    /// What the walk gave: of the chunks before the first failure (or stop), what rendering
    /// them noted.
    package struct Walk: Sendable {
        package var diagnostics: [Diagnostic] = []
        package var bodiesRendered = 0
        package var partsLeftInCache = 0
        /// The first failure met, in the order of a walk a chunk at a time.
        package var failure: DiagnosticError?
        /// A stop was asked for: the outputs are incomplete.
        package var stopped = false
    }

    /// Renders every entry and hands each chunk to every writer; `written` is told how many
    /// entries every writer has taken, as chunks are.
    package func walk(_ entries: [CatalogEntry], written: @escaping @Sendable (Int) -> Void = { _ in }) -> Walk {
        let schedule = WalkSchedule(entries: entries.count, chunkSize: ChunkRenderer.chunkSize, writers: streams.count,
                                    preference: streams.heaviestFirst, lookahead: Self.lookahead)
        let state = WalkState(schedule, written: written)
        Parallel.onEveryCore { state.work(self, entries) }
        return state.result()
    }
}
