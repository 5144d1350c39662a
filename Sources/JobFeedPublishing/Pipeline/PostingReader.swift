import Foundation
import JobFeedCore
import JobFeedReading
import JobFeedRendering
import JobFeedSystem

/// Reads every discovered file through the parser, within the size limit, falling back to
/// a posting's last good version when its current file has errors.
package struct PostingReader {
    package let config: Config
    package let parser: PostingParser
    package var lastGood: LastGoodStore
    package private(set) var postings: [Posting] = []
    package private(set) var diagnostics: [Diagnostic] = []
    /// Postings (display paths) that have errors and whose last good version has them now too:
    /// a version that once read cleanly, so the config or jobfeed changed, not the file.
    package private(set) var brokenLastGoodVersions: [String] = []
    /// Every file's path and stamp as read, for the build record.
    package private(set) var inputs = StableHash()

    package let cache: BuildCache?

    package var shouldStop: @Sendable () -> Bool = { false }
    /// Counts the files read, for a progress line.
    package var tally: ProgressTally?

    package init(config: Config, lastGood: LastGoodStore, cache: BuildCache? = nil) {
        self.config = config
        self.cache = cache
        self.lastGood = lastGood
        self.parser = PostingParser(config: config, fallbackDates: FallbackDates(root: config.postingsDirectory), decodeReferences: PlainText.from)
    }

    /// Reads and parses on every core; results are taken in file order. With `copying`, each
    /// file that reads cleanly and changed since its last-good copy is appended to the pack
    /// as it is read. `stamps` are the files' as they were found (else each is stat'ed here):
    /// a file that changes after that is read again by the next build, its stamp then new.
    package mutating func read(_ files: [PostingFile], stamps: [FileStamp?]? = nil, copying: Bool) {
        let parser = parser
        let limit = config.limits.maxFileBytes
        let cache = cache
        let shouldStop = shouldStop
        let tally = tally
        let appender = copying ? self.lastGood.beginAppending() : nil
        let bodies = FileBodies(parser: parser)
        let outcomes = Parallel.map(Array(files.indices)) { index in
            if shouldStop() { return Outcome(diagnostics: []) }
            defer { tally?.advance() }
            // The file's fields read where they lie: a posting found in the cache needs two of
            // them, and the whole file copied out retained each of its strings.
            let absolutePath = files[index].absolutePath
            let stamp = stamps?[index] ?? FileStamp(path: absolutePath)
            if let stamp, let cached = cache?.read(absolutePath, stamp: stamp, rereading: { { bodies.body(of: files[index], at: stamp) } }) {
                let relativePath = files[index].path.relativePath
                if cached.posting != nil, let appender, appender.needsCopy(relativePath, stamp: stamp),
                   let data = try? OpenFile.contents(of: absolutePath) {
                    appender.append(relativePath, data, stamp: stamp)
                }
                return cached
            }
            let file = files[index]
            let relativePath = file.path.relativePath
            let (outcome, data) = Self.read(file, stamp: stamp, parser: parser, limit: limit)
            // A watcher's cache takes the bytes' digest, which their last-good copy needs too.
            let digest = stamp.flatMap { cache?.store(outcome, for: file.absolutePath, stamp: $0, bytes: data) }
            if let stamp, let data, outcome.posting != nil, let appender, appender.needsCopy(relativePath, stamp: stamp) {
                appender.append(relativePath, data, stamp: stamp, digest: digest)
            }
            return outcome
        }
        if let appender { self.lastGood.finishAppending(appender) }
        cache?.keepOnly(files.map(\.absolutePath))
        var fingerprint = StableHash()
        for (file, outcome) in zip(files, outcomes) {
            fingerprint.add(file.path.relativePath)
            if let stamp = outcome.stamp { fingerprint.add(stamp) } else { fingerprint.add("missing") }
            diagnostics += outcome.diagnostics
            if let posting = outcome.posting {
                postings.append(posting)
            } else if !outcome.vanished {
                fallBack(file)
            }
        }
        inputs = fingerprint
    }

    package struct Outcome: Sendable {
        package var posting: Posting?
        package var diagnostics: [Diagnostic]
        /// The file's stamp, taken before it was read.
        package var stamp: FileStamp?
        /// Deleted between being listed and being read: the posting is gone, which is no error.
        package var vanished = false

        package init(posting: Posting? = nil, diagnostics: [Diagnostic], stamp: FileStamp? = nil, vanished: Bool = false) {
            self.posting = posting
            self.diagnostics = diagnostics
            self.stamp = stamp
            self.vanished = vanished
        }
    }

    /// The outcome, and the bytes read (for the last-good copy; not kept beyond it).
    private static func read(_ file: PostingFile, stamp: FileStamp?, parser: PostingParser, limit: Int) -> (Outcome, Data?) {
        let whole = SourceLocation(file: file.displayPath)
        let size = stamp.map { Int($0.size) } ?? 0
        guard size <= limit else {
            return (Outcome(diagnostics: [.error("the file is \(size) bytes, above the limit of \(limit) (limits.maxFileBytes); shorten it or raise the limit", at: whole)], stamp: stamp), nil)
        }
        let data: Data
        do {
            data = try OpenFile.contents(of: file.absolutePath)
        } catch where error.code == ENOENT {
            return (Outcome(diagnostics: [], stamp: stamp, vanished: true), nil)
        } catch {
            return (Outcome(diagnostics: [.error("cannot read the file: \(error.reason); its last good version, if any, stays published (fix its permissions or storage)", at: whole)], stamp: stamp), nil)
        }
        let parsed = parser.parse(file, data: data)
        var posting = parsed.posting
        posting?.source.stamp = stamp
        return (Outcome(posting: posting, diagnostics: parsed.diagnostics, stamp: stamp), data)
    }

    /// Publishes the version that last read cleanly, if there is one, and says so.
    private mutating func fallBack(_ file: PostingFile) {
        let text: String
        switch lastGood.fallback(for: file.path.relativePath) {
        case .none: return
        case .copy(let copy): text = copy
        case .damaged:
            diagnostics.append(.warning("the last good copy of this posting is damaged (unreadable, or its bytes changed since it was kept) and is not published; the posting is left out until the errors above are fixed",
                                        at: SourceLocation(file: file.displayPath)))
            return
        }
        guard let posting = parser.parse(file, data: Data(text.utf8)).posting else {
            brokenLastGoodVersions.append(file.displayPath)
            return
        }
        postings.append(posting)
        diagnostics.append(.warning("the last good version of this posting stays published until the errors above are fixed", at: SourceLocation(file: file.displayPath)))
    }
}

extension PostingReader {
    /// Posting bodies parsed from their files again, for cached readings whose bodies no
    /// longer read back from the build cache: one parser that every such reading shares.
    final class FileBodies: Sendable {
        let parser: PostingParser

        init(parser: PostingParser) {
            self.parser = parser
        }

        /// The body, while the file keeps `stamp`.
        func body(of file: PostingFile, at stamp: FileStamp) -> [UInt8]? {
            guard FileStamp(path: file.absolutePath) == stamp, let data = try? OpenFile.contents(of: file.absolutePath),
                  FileStamp(path: file.absolutePath) == stamp else { return nil }
            return parser.parse(file, data: data).posting?.bodyText.withUTF8 { Array($0) }
        }
    }
}
