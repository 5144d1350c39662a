import Foundation

/// Reads every discovered file through the parser, within the size limit, falling back to
/// a posting's last good version when its current file has errors.
struct PostingReader {
    let config: Config
    let parser: PostingParser
    var lastGood: LastGoodStore
    private(set) var postings: [Posting] = []
    private(set) var diagnostics: [Diagnostic] = []
    /// Every file's path and stamp as read, for the build record.
    private(set) var inputs = StableHash()

    let cache: BuildCache?

    var shouldStop: @Sendable () -> Bool = { false }

    init(config: Config, lastGood: LastGoodStore, cache: BuildCache? = nil) {
        self.config = config
        self.cache = cache
        self.lastGood = lastGood
        self.parser = PostingParser(config: config, fallbackDates: FallbackDates(root: config.postingsDirectory))
    }

    /// Reads and parses on every core; results are taken in file order.
    mutating func read(_ files: [PostingFile]) {
        let parser = parser
        let limit = config.limits.maxFileBytes
        let cache = cache
        let shouldStop = shouldStop
        let outcomes = Parallel.map(files) { file in
            if shouldStop() { return Outcome(diagnostics: []) }
            let stamp = FileStamp(path: file.url.path)
            if let stamp, let cached = cache?.read(file.url.path, stamp: stamp) { return cached }
            var outcome = Self.read(file, size: stamp.map { Int($0.size) } ?? 0, parser: parser, limit: limit)
            outcome.posting?.source.stamp = stamp
            outcome.stamp = stamp
            if let stamp { cache?.store(outcome, for: file.url.path, stamp: stamp) }
            return outcome
        }
        cache?.keepOnly(Set(files.map(\.url.path)))
        var fingerprint = StableHash()
        for (file, outcome) in zip(files, outcomes) {
            fingerprint.add(file.path.relativePath)
            if let stamp = outcome.stamp { fingerprint.add(stamp) } else { fingerprint.add("missing") }
            diagnostics += outcome.diagnostics
            if let posting = outcome.posting, let data = outcome.data {
                postings.append(posting)
                lastGood.record(file.path.relativePath, data: data, stamp: posting.source.stamp)
            } else {
                fallBack(file)
            }
        }
        inputs = fingerprint
    }

    struct Outcome: Sendable {
        var posting: Posting?
        var diagnostics: [Diagnostic]
        /// The file's stamp, taken before it was read.
        var stamp: FileStamp?
        /// The bytes read, kept for the last-good copy.
        var data: Data?
    }

    private static func read(_ file: PostingFile, size: Int, parser: PostingParser, limit: Int) -> Outcome {
        let whole = SourceLocation(file: file.displayPath)
        guard size <= limit else {
            return Outcome(diagnostics: [.error("the file is \(size) bytes, above the limit of \(limit) (limits.maxFileBytes); shorten it or raise the limit", at: whole)])
        }
        guard let data = FileManager.default.contents(atPath: file.url.path) else {
            return Outcome(diagnostics: [.error("cannot read the file; check its permissions", at: whole)])
        }
        let outcome = parser.parse(file, data: data)
        return Outcome(posting: outcome.posting, diagnostics: outcome.diagnostics, data: outcome.posting == nil ? nil : data)
    }

    /// Publishes the version that last read cleanly, if there is one, and says so.
    private mutating func fallBack(_ file: PostingFile) {
        guard let text = lastGood.source(for: file.path.relativePath),
              let posting = parser.parse(file, data: Data(text.utf8)).posting
        else { return }
        postings.append(posting)
        diagnostics.append(.warning("the last good version of this posting stays published until the errors above are fixed", at: SourceLocation(file: file.displayPath)))
    }
}
