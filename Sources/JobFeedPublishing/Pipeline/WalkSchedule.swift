/// What the walk over the catalog does next (see `ChunkPipeline`): render the next posting, or
/// hand an output's writer its next chunk. Each writer takes the chunks in the catalog's order,
/// one at a time, as soon as its next one has rendered; writers at different chunks go on side
/// by side, and rendering runs at most `lookahead` chunks ahead of the slowest writer. No
/// threads here: the pipeline asks under its lock.
struct WalkSchedule {
    enum Task: Equatable {
        case render(entry: Int)
        case write(writer: Int, chunk: Int)
    }

    /// Why the walk ended early: by the order in which a walk a chunk at a time met them (the
    /// writers' failures at a chunk before the next chunk's rendering), so that the first is
    /// the one reported.
    struct Ending: Comparable {
        /// The chunk whose rendering came with it: for a writer's failure, the one after.
        let turn: Int
        /// A writer's failure at the chunk before `turn` (by the writer's place among the
        /// writers) before `turn`'s rendering.
        let place: Int

        static func < (left: Ending, right: Ending) -> Bool {
            (left.turn, left.place) < (right.turn, right.place)
        }

        static func writer(_ writer: Int, failedAt chunk: Int) -> Ending { Ending(turn: chunk + 1, place: writer) }
        static func rendering(endedAt chunk: Int) -> Ending { Ending(turn: chunk, place: .max) }
        /// A stop asked for between tasks: after any failure met so far, as a walk a chunk at
        /// a time asked before each turn, once the turns before had ended.
        static let stopAsked = Ending(turn: .max, place: .max)
    }

    let chunkSize: Int
    let chunkCount: Int
    let entryCount: Int
    private let lookahead: Int
    /// The writers, in the order they are offered a chunk (the heaviest first).
    private let preference: [Int]
    private var nextEntry = 0
    private var entriesLeft: [Int]
    private var writerNext: [Int]
    private var writerBusy: [Bool]
    private var rendered: [Bool]
    /// Chunks before it have been taken by every writer.
    private(set) var released = 0
    private var rendersUnderWay = 0
    /// Chunks from here on are neither rendered further nor written: a failure or stop was met.
    private(set) var end: Int

    init(entries: Int, chunkSize: Int, writers: Int, preference: [Int], lookahead: Int) {
        precondition(chunkSize > 0 && lookahead > 0 && preference.sorted() == Array(0..<writers))
        self.chunkSize = chunkSize
        entryCount = entries
        chunkCount = (entries + chunkSize - 1) / chunkSize
        self.lookahead = lookahead
        self.preference = preference
        entriesLeft = (0..<chunkCount).map { min(chunkSize, entries - $0 * chunkSize) }
        writerNext = Array(repeating: 0, count: writers)
        writerBusy = Array(repeating: false, count: writers)
        rendered = Array(repeating: false, count: chunkCount)
        end = chunkCount
    }

    /// How many entries the chunk holds.
    func size(of chunk: Int) -> Int {
        min(chunkSize, entryCount - chunk * chunkSize)
    }

    /// The next task, taken: a writer's turn first (writing keeps the chunks held in memory
    /// few), else the next posting's rendering; nil when none can start now.
    mutating func next() -> Task? {
        if let writer = preference.first(where: { !writerBusy[$0] && canTake($0) }) {
            writerBusy[writer] = true
            return .write(writer: writer, chunk: writerNext[writer])
        }
        guard rendersLeft, nextEntry / chunkSize < released + lookahead else { return nil }
        defer { nextEntry += 1 }
        rendersUnderWay += 1
        return .render(entry: nextEntry)
    }

    /// A posting rendered; true when it was its chunk's last, which is then put together
    /// (and reported with `rendered(_:endsTheWalk:)`).
    mutating func entryRendered(_ entry: Int) -> Bool {
        let chunk = entry / chunkSize
        entriesLeft[chunk] -= 1
        if entriesLeft[chunk] > 0 { rendersUnderWay -= 1 }
        return entriesLeft[chunk] == 0
    }

    /// A chunk put together, for the writers to take unless it ended the walk (a rendering
    /// that failed, or was stopped); returns the chunks every writer has now taken (with no
    /// writers, those rendered in order so far).
    mutating func rendered(_ chunk: Int, endsTheWalk: Bool) -> Range<Int> {
        rendersUnderWay -= 1
        if endsTheWalk { end = min(end, chunk) }
        rendered[chunk] = true
        return releaseFinished()
    }

    /// A writer has taken a chunk (or failed to); returns the chunks every writer has now taken.
    mutating func wrote(_ chunk: Int, writer: Int, failed: Bool) -> Range<Int> {
        writerBusy[writer] = false
        writerNext[writer] = chunk + 1
        // The other writers still take this chunk, as they would have in the same turn.
        if failed { end = min(end, chunk + 1) }
        return releaseFinished()
    }

    /// Ends the walk where it stands: nothing more starts.
    mutating func stop() {
        end = 0
    }

    /// Nothing is under way, and nothing more can start.
    var isFinished: Bool {
        guard rendersUnderWay == 0, !writerBusy.contains(true) else { return false }
        return !writerNext.indices.contains(where: canTake) && !rendersLeft
    }

    /// Whether the writer's next chunk has rendered and may be written.
    private func canTake(_ writer: Int) -> Bool {
        writerNext[writer] < end && rendered[writerNext[writer]]
    }

    /// Whether postings are left to render before the walk's end (the lookahead aside).
    private var rendersLeft: Bool {
        nextEntry < entryCount && nextEntry / chunkSize < end
    }

    /// Every writer has taken a chunk once its next is past it (with no writers, once it has
    /// rendered): chunks are released in order.
    private mutating func releaseFinished() -> Range<Int> {
        let before = released
        while released < chunkCount, rendered[released], writerNext.allSatisfy({ $0 > released }) { released += 1 }
        return before..<released
    }
}
