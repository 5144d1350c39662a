import Foundation
import JobFeedCore
import JobFeedReading
import JobFeedRendering

/// Every output of a build while it renders: each format's writers, which take the rendered
/// chunks in order, on whichever core is free, and stream them to their staged files (or to
/// memory for the fuzzer, or nowhere for `check`).
package final class OutputStreams: @unchecked Sendable {
    private let writers: [any FormatWriter]

    package init(context: PublishingContext, formats: [any OutputFormat]) throws(DiagnosticError) {
        let build = context.formatBuild
        // On every core: each format's writers open their staged files and read their
        // previous files' layouts, some 15 ms of a 10,000-posting rebuild's CPU on one core
        // while the other waited. Made last format first, as the writers are offered chunks
        // (`heaviestFirst`): Indeed's, which counts every active posting's reference, made
        // last ran alone at the end. The first failure in the formats' order is the one reported.
        let made = Parallel.map(formats.reversed()) { format in Result { () throws(DiagnosticError) in try format.writers(build) } }
        var writers: [any FormatWriter] = []
        for result in made.reversed() { writers += try result.get() }
        self.writers = writers
    }

    /// The cached bytes no writer takes, which rendering need not read back.
    package var unneeded: [UnneededParts] { writers.compactMap(\.unneeded) }

    /// Which cached bytes the writers need read back.
    package var needs: PartNeeds { PartNeeds(writers) }

    /// How many writers there are.
    package var count: Int { writers.count }

    /// The writers (by place), heaviest first, in the order a free core is offered their next
    /// chunks: the site-wide exports (Indeed, the sitemap, the CSV, the combined JSON-LD) come
    /// last in the formats' order, and a core that took one of them after the feeds left the
    /// other core idle at the end of every chunk.
    package var heaviestFirst: [Int] { Array(writers.indices.reversed()) }

    /// Hands a rendered chunk to one writer (by place): only one core at a time may.
    package func append(_ chunk: RenderedChunk, writer: Int) -> Result<Void, DiagnosticError> {
        Result { () throws(DiagnosticError) in try writers[writer].append(chunk) }
    }

    package func finish(into plan: inout OutputPlan) throws(DiagnosticError) {
        for writer in writers { try writer.finish(into: &plan) }
    }
}
