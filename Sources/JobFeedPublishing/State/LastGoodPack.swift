import Foundation
import JobFeedCore
import JobFeedSystem

/// A pack of last-good copies opened for reading. A copy is handed out only when its bytes are
/// those that were kept: a bit flipped on disk, or a tool that wrote into the state folder,
/// would otherwise publish text nobody wrote in a live job.
struct LastGoodPack {
    private let file: OpenFile?

    init(path: String) {
        file = try? OpenFile(path, .readOnly, operation: "read")
    }

    /// The copy's bytes as they lie, checked against nothing; nil when they cannot all be read.
    func bytes(of entry: LastGoodIndex.Entry) -> Data? {
        guard let file else { return nil }
        var data = Data(count: Int(entry.stamp.size))
        let count = data.withUnsafeMutableBytes { try? file.read(at: Int64(entry.offset), into: $0) }
        return count == data.count ? data : nil
    }

    /// The copy, if it reads whole and matches its digest.
    func verifiedCopy(of entry: LastGoodIndex.Entry) -> Data? {
        guard let data = bytes(of: entry), ContentDigest.of(data) == entry.digest else { return nil }
        return data
    }
}
