/// A posting's parts by kind: a handful, one for each format that keeps one, looked up by
/// kind in every writer's turn. Searched in order: a dictionary per posting hashed every
/// kind on each insert and lookup, and was made and freed for each of 10,000 postings in
/// every build (the kinds are short, so comparing them is comparing two words).
package struct FormatParts: Sendable {
    private var entries: [(kind: String, part: FormatPart)] = []

    package init() {}

    /// Room for `capacity` parts at once, rather than the list growing its way there.
    package init(capacity: Int) {
        entries.reserveCapacity(capacity)
    }

    package subscript(kind kind: String) -> FormatPart? {
        get { entries.first { $0.kind == kind }?.part }
        set {
            let index = entries.firstIndex { $0.kind == kind }
            switch (index, newValue) {
            case let (index?, part?): entries[index].part = part
            case let (index?, nil): entries.remove(at: index)
            case let (nil, part?): entries.append((kind, part))
            case (nil, nil): break
            }
        }
    }

    package var values: some Collection<FormatPart> {
        entries.lazy.map(\.part)
    }
}
