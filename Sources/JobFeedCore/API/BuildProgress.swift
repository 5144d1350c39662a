/// How far a build has come, for a progress line on a terminal: postings read, postings
/// rendered, files written.
public struct BuildProgress: Sendable, Hashable {
    public enum Stage: String, Sendable, Hashable {
        case reading = "reading postings"
        case rendering = "rendering postings"
        case writing = "writing files"
    }

    public var stage: Stage
    public var done: Int
    public var total: Int

    public init(_ stage: Stage, done: Int, total: Int) {
        self.stage = stage
        self.done = done
        self.total = total
    }

    /// `reading postings: 1200/10000`.
    public var description: String { "\(stage.rawValue): \(done)/\(total)" }
}
