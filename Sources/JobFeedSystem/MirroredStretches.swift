/// Stretches a staged file copied from the same offsets of one earlier file (the target's
/// published version), and that file's identity when the first was copied: while it keeps that
/// identity (any write moves its status-change time), the two files hold the same bytes there
/// by construction (see `StagedFile.matchesTarget`). The file itself is not held open: its
/// last close frees its blocks, which the background chores do.
struct MirroredStretches {
    let identity: FileIdentity
    private(set) var ranges: [Range<Int64>] = []

    init(identity: FileIdentity) {
        self.identity = identity
    }

    /// Notes `length` bytes copied at `offset` from the same offset of the file with
    /// `identity`; a file of another identity is not noted.
    mutating func note(_ length: Int, at offset: Int64, from identity: FileIdentity) {
        guard identity == self.identity, length > 0 else { return }
        let end = offset + Int64(length)
        if let last = ranges.last, last.upperBound == offset {
            ranges[ranges.count - 1] = last.lowerBound..<end
        } else {
            ranges.append(offset..<end)
        }
    }

    /// The stretches, while `target` is still the file they were copied from.
    func ranges(ifStill target: String) -> [Range<Int64>] {
        FileIdentity(path: target) == identity ? ranges : []
    }
}
