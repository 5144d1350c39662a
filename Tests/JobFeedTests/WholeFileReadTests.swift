import Foundation
import Testing
import JobFeedSystem

/// `OpenFile.contents` reads a file whole into a buffer sized from `fstat`: every size must come
/// back byte for byte, and so must a file whose size `fstat` does not tell (a pipe), which the
/// buffer grows to hold.
@Suite struct WholeFileReadTests {
    @Test(arguments: [0, 1, 4095, 65_536, 65_537, 300_001])
    func aRegularFileComesBackWhole(size: Int) throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("jobfeed-whole-\(getpid())-\(size)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let bytes = Data((0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
        try bytes.write(to: URL(fileURLWithPath: path))
        #expect(try OpenFile.contents(of: path) == bytes)
    }

    @Test func aPipeLongerThanTheFirstBufferComesBackWhole() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("jobfeed-whole-fifo-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(mkfifo(path, 0o600) == 0)
        let bytes = Data((0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 13) })
        let writer = Thread {
            guard let handle = FileHandle(forWritingAtPath: path) else { return }
            handle.write(bytes)
            try? handle.close()
        }
        writer.start()
        #expect(try OpenFile.contents(of: path) == bytes)
    }
}
