import Foundation
import JobFeedCore
import JobFeedSystem

extension StateFolder {
    /// When a build last wrote here, by the clock of that moment (whatever `now` it built
    /// for): the newest modification time, in seconds, of the files a publishing build
    /// writes (the build record, the history, the last-good index, the build cache's index
    /// and its log); nil when there are none.
    package func lastWritten() -> Int64? {
        let files = [buildRecord, history, lastGood.appendingPathComponent(LastGoodIndex.fileName),
                     url.appendingPathComponent("cache/\(CacheIndex.fileName)"), url.appendingPathComponent("cache/\(CacheIndexLog.fileName)")]
        return files.compactMap { FileStamp(path: $0.path).map { Int64($0.modifiedSeconds) } }.max()
    }
}
