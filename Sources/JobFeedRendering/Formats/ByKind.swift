/// Values by kind of cached bytes, a handful (one for each format that keeps one), looked up
/// for every posting in every build: a posting's parts, the writers that take each kind.
/// Searched in order: a dictionary per posting hashed every kind on each insert and lookup, and
/// was made and freed for each of 10,000 postings in every build (the kinds are short, so
/// comparing them is comparing two words).
package struct ByKind<Value: Sendable>: Sendable {
    private var entries: [(kind: String, value: Value)] = []

    package init() {}

    /// Room for `capacity` kinds at once, rather than the list growing its way there.
    package init(capacity: Int) {
        entries.reserveCapacity(capacity)
    }

    package subscript(kind kind: String) -> Value? {
        get { entries.first { $0.kind == kind }?.value }
        set {
            let index = entries.firstIndex { $0.kind == kind }
            switch (index, newValue) {
            case let (index?, value?): entries[index].value = value
            case let (index?, nil): entries.remove(at: index)
            case let (nil, value?): entries.append((kind, value))
            case (nil, nil): break
            }
        }
    }

    package var values: some Collection<Value> {
        entries.lazy.map(\.value)
    }
}

/// A posting's rendered parts, by kind.
package typealias FormatParts = ByKind<FormatPart>
