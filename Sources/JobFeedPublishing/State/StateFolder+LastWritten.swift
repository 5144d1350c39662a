import Foundation
import JobFeedCore
import JobFeedSystem

extension StateFolder {
    /// When a build last wrote here, by the clock of that moment (whatever `now` it built
    /// for): the newest modification time, in seconds, of the files a publishing build
    /// writes (the build record, the history, the last-good index, the build cache's index
    /// and its log), and which file it is; nil when there are none.
    package func lastWritten() -> (seconds: Int64, file: URL)? {
        let files = [buildRecord, history, lastGood.appendingPathComponent(LastGoodIndex.fileName),
                     cache.appendingPathComponent(CacheIndex.fileName), cache.appendingPathComponent(CacheIndexLog.fileName)]
        return files.compactMap { file in FileStamp(path: file.path).map { (Int64($0.modifiedSeconds), file) } }.max { $0.0 < $1.0 }
    }
}
