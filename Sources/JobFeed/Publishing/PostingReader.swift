import Foundation

/// Reads every discovered file through the parser, within the size limit, falling back to
/// a posting's last good version when its current file has errors.
struct PostingReader {
    let config: Config
    let parser: PostingParser
    var lastGood: LastGoodStore
    private(set) var postings: [Posting] = []
    private(set) var diagnostics: [Diagnostic] = []

    init(config: Config, lastGood: LastGoodStore) {
        self.config = config
        self.lastGood = lastGood
        self.parser = PostingParser(config: config, fallbackDates: FallbackDates(root: config.postingsDirectory))
    }

    mutating func read(_ files: [PostingFile]) {
        for file in files { read(file) }
        lastGood.keepOnly(Set(files.map(\.path.relativePath)))
    }

    private mutating func read(_ file: PostingFile) {
        let whole = SourceLocation(file: file.displayPath)
        let size = (try? FileManager.default.attributesOfItem(atPath: file.url.path)[.size] as? Int) ?? 0
        guard size <= config.limits.maxFileBytes else {
            diagnostics.append(.error("the file is \(size) bytes, above the limit of \(config.limits.maxFileBytes) (limits.maxFileBytes); shorten it or raise the limit", at: whole))
            return fallBack(file)
        }
        guard let data = FileManager.default.contents(atPath: file.url.path) else {
            diagnostics.append(.error("cannot read the file; check its permissions", at: whole))
            return fallBack(file)
        }
        let outcome = parser.parse(file, data: data)
        diagnostics += outcome.diagnostics
        if let posting = outcome.posting {
            postings.append(posting)
            lastGood.record(String(decoding: data, as: UTF8.self), for: file.path.relativePath)
        } else {
            fallBack(file)
        }
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
