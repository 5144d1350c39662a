import Foundation

/// A 64-bit hash that is the same in every process, unlike Swift's seeded `Hasher`: for what a
/// build keeps between runs and compares (the build cache's keys and fingerprints, the build
/// record). It reads eight bytes at a time (a multiply and a shift each); the byte-at-a-time
/// FNV-1a it replaced spent 13 ms of a 10,000-posting cron build's CPU on paths and URLs.
/// What names things outside the cache, and so must never change between versions, takes
/// `fnv1a(_:)` instead.
package struct StableHash {
    package private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    package init() {}

    /// The hash of one text.
    package static func of(_ text: String) -> UInt64 {
        var hash = StableHash()
        hash.add(text)
        return hash.value
    }

    /// FNV-1a, 64 bits, of the text's bytes: a state folder file's name for an output, a
    /// slug's suffix. What earlier versions wrote under these names is found by them still.
    package static func fnv1a(_ text: String) -> UInt64 {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { value = (value ^ UInt64(byte)) &* 0x100_0000_01b3 }
        // And a zero byte after it, as each text was ended when this was the only hash.
        return value &* 0x100_0000_01b3
    }

    /// Goes on from `value`, the hash of what was added before, as if it had been added here:
    /// a path is hashed once for all of its kinds (`PartKey`).
    package init(continuing value: UInt64) {
        self.value = value
    }

    /// The text's bytes, then its length (so that "ab" then "c" is not "a" then "bc").
    package mutating func add(_ text: String) {
        // Borrowed: copied into a variable for `withUTF8`, each text was retained, from both
        // cores, for every part of every posting a build looks up.
        text.withBorrowedUTF8 { add(bytes: $0) }
    }

    private mutating func add(bytes raw: UnsafeRawBufferPointer) {
        var offset = 0
        while offset + 8 <= raw.count {
            mix(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
            offset += 8
        }
        var tail: UInt64 = 0
        for (place, byte) in raw[offset...].enumerated() { tail |= UInt64(byte) << UInt64(8 * place) }
        mix(tail)
        mix(UInt64(raw.count))
    }

    /// Eight bytes, as one word (fixed width: no length needed).
    package mutating func add(_ number: UInt64) {
        mix(number)
    }

    /// Its four numbers, without formatting them as text (taken for every posting of every feed).
    package mutating func add(_ stamp: FileStamp) {
        add(UInt64(bitPattern: stamp.size))
        add(UInt64(bitPattern: Int64(stamp.modifiedSeconds)))
        add(UInt64(bitPattern: Int64(stamp.modifiedNanoseconds)))
        add(stamp.inode)
    }

    /// The word folded in, then its high bits carried down, so that every input bit reaches
    /// the low bits that a table's index takes.
    private mutating func mix(_ word: UInt64) {
        value = (value ^ word) &* 0x9E37_79B9_7F4A_7C15
        value ^= value >> 29
    }
}
