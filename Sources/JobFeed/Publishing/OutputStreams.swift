import Foundation

/// Every output of a build while it renders: the feeds of each language, the combined
/// JSON-LD and the CSV, each streaming to its staged file (or to memory for `check`), and the
/// per-posting JSON-LD files, each decided and staged as soon as its document is rendered.
final class OutputStreams: @unchecked Sendable {
    let documentsFolder: URL
    private let feeds: [FeedStream]
    private let combined: CombinedJSONLD
    private let csv: PendingOutput
    private let documentsPath: String
    private let destination: OutputDestination
    private let writer: OutputWriter
    /// Feeds a long-running process knows to be unchanged, left as they are, unrendered.
    private(set) var kept: [String] = []
    /// What each rendered feed was made from, for the next rebuild to compare.
    private(set) var fingerprints: [String: UInt64] = [:]

    init(context: PublishingContext) throws(DiagnosticError) {
        let config = context.config
        documentsFolder = config.exportsDirectory.appendingPathComponent("jsonld")
        documentsPath = documentsFolder.standardizedFileURL.path
        destination = context.destination
        writer = OutputWriter(state: StateFolder(config), cache: context.cache)
        var feeds: [FeedStream] = []
        for language in config.languages {
            let feed = FeedContext(language: language, catalog: context.catalog, config: config)
            for format in [RSSRenderer(context: feed), AtomRenderer(context: feed)] as [any FeedFormat] {
                let file = config.feedsDirectory.appendingPathComponent(language.code).appendingPathComponent(type(of: format).fileName)
                if let cache = context.cache {
                    let path = file.standardizedFileURL.path
                    let fingerprint = FeedFingerprint.of(type(of: format).name, feed, context.catalog.entries)
                    if cache.outputIsCurrent(path, fingerprint: fingerprint) {
                        kept.append(path)
                        continue
                    }
                    fingerprints[path] = fingerprint
                }
                let output = try context.output(file)
                do throws(XMLWriterError) {
                    feeds.append(try FeedStream(format: format, language: language.code, output: output, cache: context.cache))
                } catch {
                    throw DiagnosticError(.error("cannot write the feed: \(error)", at: SourceLocation(file: DisplayPath.of(file))))
                }
            }
        }
        self.feeds = feeds
        combined = CombinedJSONLD(output: try context.output(config.exportsDirectory.appendingPathComponent(CombinedJSONLD.fileName)))
        csv = try context.output(config.exportsDirectory.appendingPathComponent(CSVRenderer.fileName))
        csv.sink.write(CSVRenderer.header)
    }

    /// Hands a rendered chunk to every output, on every core: the JSON-LD and CSV as one
    /// task, each feed as another.
    func append(_ chunk: ChunkRenderer.Chunk, to plan: inout OutputPlan) throws(DiagnosticError) {
        if let failure = chunk.failure { throw DiagnosticError(Diagnostic(.error, file: failure.file, failure.message)) }
        let entries = chunk.items.map(\.entry)
        let parts = Parallel.map(Array(0...feeds.count)) { task -> Part in
            guard task > 0 else { return Part(files: documentsAndRecords(chunk)) }
            do { try feeds[task - 1].append(entries) } catch {
                return Part(failure: DiagnosticError(.error("cannot write the feed: \(error)", at: SourceLocation(file: DisplayPath.of(path: feeds[task - 1].output.path)))))
            }
            return Part()
        }
        for part in parts {
            if let failure = part.failure { throw failure }
            for (path, file) in part.files { plan.add(path, file) }
        }
    }

    private struct Part: Sendable {
        var failure: DiagnosticError?
        var files: [(String, PlannedFile)] = []
    }

    private func documentsAndRecords(_ chunk: ChunkRenderer.Chunk) -> [(String, PlannedFile)] {
        var files: [(String, PlannedFile)] = []
        for item in chunk.items {
            csv.sink.write(item.csvLine)
            guard let document = item.document else { continue }
            combined.append(document.data)
            let path = documentsPath + "/" + item.entry.posting.language + "/" + item.entry.posting.slug + ".jsonld"
            switch destination {
            case .staged: files.append((path, .prepared(writer.prepare(path, document.data, digest: document.digest))))
            case .memory: files.append((path, .inMemory(document.data)))
            case .discarded: break
            }
        }
        return files
    }

    func finish(into plan: inout OutputPlan) throws(DiagnosticError) {
        for feed in feeds {
            do { try feed.finish() } catch {
                throw DiagnosticError(.error("cannot write the feed: \(error)", at: SourceLocation(file: DisplayPath.of(path: feed.output.path))))
            }
            plan.add(feed.output)
        }
        combined.finish()
        plan.add(combined.output)
        plan.add(csv)
        plan.kept.formUnion(kept)
        plan.fingerprints.merge(fingerprints) { $1 }
    }
}
