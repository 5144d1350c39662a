import Foundation
import Testing
import JobFeed

/// Text nodes reach the visitors as raw bytes only when valid UTF-8; the check must agree with
/// the standard library's validating decoder.
@Suite struct UTF8ValidationTests {
    static let cases: [(bytes: [UInt8], valid: Bool)] = [
        (Array("plain ASCII".utf8), true),
        (Array("Poste à combler — été 😀".utf8), true),
        ([0xED, 0xA0, 0x80], false),  // a lone surrogate, as libxml2 writes &#xD800;
        ([0xC0, 0xAF], false),  // overlong
        ([0xE0, 0x80, 0xAF], false),  // overlong
        ([0xF4, 0x90, 0x80, 0x80], false),  // above U+10FFFF
        ([0x61, 0xE2, 0x82], false),  // truncated
        ([0x80], false),  // stray continuation
        ([0xEF, 0xBF, 0xBF], true),  // U+FFFF is well-formed UTF-8 (XML cleaning drops it later)
    ]

    @Test(arguments: cases)
    func agreesWithTheStandardLibrary(_ sample: (bytes: [UInt8], valid: Bool)) {
        let ours = sample.bytes.withUnsafeBufferPointer(UTF8Validation.isValid)
        #expect(ours == sample.valid)
        #expect(ours == (String(validating: sample.bytes, as: UTF8.self) != nil))
    }

    @Test func agreesOnRandomBytes() {
        var generator = SplitMix64(seed: 42)
        for _ in 0..<20_000 {
            let bytes = (0..<Int(generator.next() % 8)).map { _ in UInt8(truncatingIfNeeded: generator.next() | 0x80 * (generator.next() & 1)) }
            let ours = bytes.withUnsafeBufferPointer(UTF8Validation.isValid)
            #expect(ours == (String(validating: bytes, as: UTF8.self) != nil), "\(bytes)")
        }
    }

    /// Longer runs, mostly ASCII as bodies are, with a byte of any value at any offset: the
    /// scan passes over eight ASCII bytes at a time and must still see every other byte, and
    /// `string` must give what `String(decoding:)` gives, valid or not, and
    /// `string(validating:)` what `String(validating:as:)` gives.
    @Test func agreesOnLongMostlyASCIIRuns() {
        var generator = SplitMix64(seed: 7)
        let pieces: [[UInt8]] = [[0xC3, 0xA9], [0xE2, 0x80, 0x94], [0xF0, 0x9F, 0x98, 0x80], [0xED, 0xA0, 0x80], [0x80], [0xC3], [0xF4, 0x90, 0x80, 0x80]]
        for _ in 0..<20_000 {
            var bytes = (0..<Int(generator.next() % 40)).map { _ in UInt8(0x20 + generator.next() % 0x5F) }
            let piece = pieces[Int(generator.next() % UInt64(pieces.count))]
            bytes.insert(contentsOf: piece, at: Int(generator.next() % UInt64(bytes.count + 1)))
            let ours = bytes.withUnsafeBufferPointer(UTF8Validation.isValid)
            #expect(ours == (String(validating: bytes, as: UTF8.self) != nil), "\(bytes)")
            #expect(Array(UTF8Validation.string(bytes).utf8) == Array(String(decoding: bytes, as: UTF8.self).utf8), "\(bytes)")
            #expect(UTF8Validation.string(validating: Data(bytes)).map { Array($0.utf8) } == String(validating: bytes, as: UTF8.self).map { Array($0.utf8) })
        }
    }
}
