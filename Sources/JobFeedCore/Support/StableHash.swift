import Foundation

/// FNV-1a, 64 bits: stable across processes, unlike Swift's seeded `Hasher`.
package struct StableHash {
    package private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    package init() {}

    /// The hash of one text.
    package static func of(_ text: String) -> UInt64 {
        var hash = StableHash()
        hash.add(text)
        return hash.value
    }

    /// Goes on from `value`, the hash of what was added before, as if it had been added here:
    /// a path is hashed once for all of its kinds (`PartKey`).
    package init(continuing value: UInt64) {
        self.value = value
    }

    package mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            for byte in bytes { mix(byte) }
        }
        mix(0)
    }

    /// Eight bytes, little-endian (fixed width: no separator needed).
    package mutating func add(_ number: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { mix(UInt8(truncatingIfNeeded: number >> UInt64(shift))) }
    }

    /// Its four numbers, without formatting them as text (taken for every posting of every feed).
    package mutating func add(_ stamp: FileStamp) {
        add(UInt64(bitPattern: stamp.size))
        add(UInt64(bitPattern: Int64(stamp.modifiedSeconds)))
        add(UInt64(bitPattern: Int64(stamp.modifiedNanoseconds)))
        add(stamp.inode)
    }

    private mutating func mix(_ byte: UInt8) {
        value = (value ^ UInt64(byte)) &* 0x100_0000_01b3
    }
}
