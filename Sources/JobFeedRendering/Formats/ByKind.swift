/// Values by kind of cached bytes, a handful (one for each format that keeps one), looked up
/// for every posting in every build: a posting's parts, the writers that take each kind.
/// Searched in order: a dictionary per posting hashed every kind on each insert and lookup, and
/// was made and freed for each of 10,000 postings in every build (the kinds are short, so
/// comparing them is comparing two words).
///
/// Public under an SPI, and inlinable, so that it is specialized in the modules that use it:
/// declared `package` and `@inlinable`, it was not (the publishing module called the generic
/// getter and setter, copying each value through its witnesses; checked with `nm` and
/// `objdump` on this toolchain, as with a two-module package where the same type declared
/// `public` was specialized), and the SPI keeps it out of the library's public API.
@_spi(Specialized)
public struct ByKind<Value: Sendable>: Sendable {
    @usableFromInline var entries: [(kind: String, value: Value)] = []

    @inlinable public init() {}

    /// Room for `capacity` kinds at once, rather than the list growing its way there.
    @inlinable public init(capacity: Int) {
        entries.reserveCapacity(capacity)
    }

    @inlinable public subscript(kind kind: String) -> Value? {
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

    /// Takes each of `other`'s kinds, in place of its own of the same kind.
    @inlinable public mutating func merge(_ other: ByKind) {
        for (kind, value) in other.entries { self[kind: kind] = value }
    }

    @inlinable public var values: some Collection<Value> {
        entries.lazy.map(\.value)
    }

    /// Each kind with its value, in the order they were set.
    @inlinable public var pairs: [(kind: String, value: Value)] {
        entries
    }

    @inlinable public var count: Int {
        entries.count
    }

    @inlinable public var isEmpty: Bool {
        entries.isEmpty
    }
}

/// A posting's rendered parts, by kind.
package typealias FormatParts = ByKind<FormatPart>
