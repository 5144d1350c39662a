import Foundation
import JobFeedCore
import JobFeedSystem

extension OutputWriter {
    /// The `.gz` twins of the large outputs: compressed into the staging folder from the new
    /// bytes (or the unchanged file, when its twin is missing), and published with them; each
    /// segment of the last twin that holds the same parts as before is copied rather than
    /// compressed again (see `GzipTwin`).
    package struct Twins {
        package let writer: OutputWriter
        private struct Job: Sendable {
            var output: String
            var twin: String
            var source: String
            var spans: [PartSpan]?
            var temporary: String
            /// The twin's spare, taken as the temporary file to write over (see `SpareFile`).
            var spare: OpenFile?
            /// Whether the output's bytes changed: then so do its twin's, which need no comparing.
            var changed: Bool
        }

        private var jobs: [Job] = []
        private var staged: [String] = []
        /// Each twin made, and its segments, to record once published.
        private var made: [(twin: String, segments: [GzipTwin.Segment])] = []
        /// Twins to remove: `gzip` is off.
        package private(set) var retired: [String] = []
        /// Twins replaced in the publication.
        package private(set) var replaced: [String] = []

        package init(writer: OutputWriter) {
            self.writer = writer
        }

        /// Adds the twin of the output at `path`, to be made from `source` (see `make`) unless
        /// neither changed. `spans`: where the parts lie in `source`; nil for a file the build
        /// left as it was, whose layout says so.
        package mutating func add(of path: String, from source: String, spans: [PartSpan]?, changed: Bool, _ result: inout WriteResult) {
            let twin = path + ".gz"
            guard writer.gzip else { return retired.append(twin) }
            result.paths.append(twin)
            if !changed, FileStamp(path: twin) != nil {
                result.unchanged.append(DisplayPath.of(path: twin))
                return
            }
            let temporary = StagedFile.temporaryPath(in: writer.staging.folder(for: twin))
            staged.append(temporary)
            let spare = writer.staging.spare(for: twin).flatMap { SpareFile.claim($0, as: temporary)?.file }
            jobs.append(Job(output: path, twin: twin, source: source, spans: spans, temporary: temporary, spare: spare, changed: changed))
        }

        /// Makes the twins added, on every core (one after another, a cron build's seven held up
        /// its publication by the time of all), and puts each whose bytes changed in the
        /// publication.
        package mutating func make(into publication: inout Publication, _ result: inout WriteResult) throws(DiagnosticError) {
            let layouts = writer.cache?.layouts
            let outcomes = Parallel.map(jobs) { job in
                Result { () throws(SystemError) -> (written: GzipTwin.Written, unchanged: Bool) in
                    let written = try GzipTwin.write(job.source, spans: job.spans ?? layouts?.spans(of: job.output) ?? [], to: job.temporary,
                                                     over: job.spare, previous: layouts?.previousTwin(of: job.twin))
                    guard !job.changed, let size = FileStamp(path: job.temporary)?.size else { return (written, false) }
                    return (written, OpenFile.sameContents(job.temporary, job.twin, size: Int(size)))
                }
            }
            for (job, outcome) in zip(jobs, outcomes) {
                let made: (written: GzipTwin.Written, unchanged: Bool)
                do { made = try outcome.get() } catch { throw OutputWriter.failure(job.twin, error.reason) }
                self.made.append((job.twin, made.written.segments))
                result.twinSegmentsCopied += made.written.copied
                if made.unchanged {
                    result.unchanged.append(DisplayPath.of(path: job.twin))
                } else {
                    publication.replace(job.twin, with: job.temporary)
                    replaced.append(job.twin)
                    result.written.append(DisplayPath.of(path: job.twin))
                }
            }
            jobs = []
        }

        /// The renamed ones are no longer temporary files; each twin's segments are recorded
        /// for the next build (a twin whose bytes did not change is the file they describe).
        package mutating func published() {
            staged = staged.filter { FileStamp(path: $0) != nil }
            if let layouts = writer.cache?.layouts {
                for (twin, segments) in made { layouts.saveTwin(segments, for: twin) }
            }
        }

        package func discard() {
            for path in staged { SystemCall.remove(path) }
        }
    }
}
