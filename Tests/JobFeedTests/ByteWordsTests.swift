import Testing
@_spi(Specialized) import JobFeedCore

/// The word masks mark exactly the bytes they name, in every position of a word, whatever
/// the bytes beside them (a carry from one byte into the next would mark a neighbour).
struct ByteWordsTests {
    @Test func masksMarkExactlyTheirBytesInEveryPosition() {
        let neighbours: [UInt8] = [0x00, 0x1F, 0x20, 0x7F, 0x80, 0xEF, 0xFF]
        for value in UInt8.min...UInt8.max {
            for position in 0..<8 {
                for neighbour in neighbours {
                    var bytes = [UInt8](repeating: neighbour, count: 8)
                    bytes[position] = value
                    let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                    let bit = UInt64(0x80) << (8 * position)
                    #expect((ByteWords.controls(word) & bit != 0) == (value < 0x20))
                    #expect((ByteWords.controlsButTabAndLineFeed(word) & bit != 0) == (value < 0x20 && value != 0x09 && value != 0x0A))
                    #expect((ByteWords.bytes(word, equalTo: 0x22) & bit != 0) == (value == 0x22))
                    #expect((ByteWords.nonASCII(word) & bit != 0) == (value >= 0x80))
                    #expect((ByteWords.fourByteLeads(word) & bit != 0) == (value >= 0xF0))
                }
            }
        }
    }

    @Test func firstIndexFindsTheFirstPassingByteAtAnyOffset() {
        for length in 0..<24 {
            for target in 0..<length {
                var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: length)
                bytes[target] = UInt8(ascii: ",")
                if target + 3 < length { bytes[target + 3] = UInt8(ascii: ",") }
                for start in 0...length {
                    let found = bytes.withUnsafeBytes { raw in
                        ByteWords.firstIndex(in: raw, from: start, marking: { ByteWords.bytes($0, equalTo: 0x2C) }) { raw[$0] == 0x2C }
                    }
                    #expect(found == bytes.indices[start...].first { bytes[$0] == 0x2C })
                }
            }
        }
    }
}
