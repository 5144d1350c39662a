import Foundation

/// FNV-1a, 64 bits: stable across processes, unlike Swift's seeded `Hasher`.
package struct StableHash {
    package private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    package init() {}

    package mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            for byte in bytes { mix(byte) }
        }
        mix(0)
    }

    package mutating func add(_ stamp: FileStamp) {
        add("\(stamp.size) \(stamp.modifiedSeconds) \(stamp.modifiedNanoseconds) \(stamp.inode)")
    }

    private mutating func mix(_ byte: UInt8) {
        value = (value ^ UInt64(byte)) &* 0x100_0000_01b3
    }
}
