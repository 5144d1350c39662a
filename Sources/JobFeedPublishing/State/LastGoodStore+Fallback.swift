import JobFeedCore

extension LastGoodStore {
    /// What stands in for a posting that does not read cleanly.
    package enum Fallback {
        case none
        case copy(String)
        /// The copy cannot be read whole, or its bytes are no longer those that were kept.
        case damaged
    }

    /// The copy that stands in for the posting, read only now (a posting that reads cleanly
    /// never needs it) and checked against its digest.
    package func fallback(for relativePath: String) -> Fallback {
        guard let entry = index.entries[ExactPath(relativePath)] else { return .none }
        guard let data = LastGoodPack(path: packPath(index.generation)).verifiedCopy(of: entry) else { return .damaged }
        return .copy(String(decoding: data, as: UTF8.self))
    }
}
