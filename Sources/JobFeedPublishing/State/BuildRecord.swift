import Foundation
import JobFeedCore
import JobFeedReading
import JobFeedRendering
import JobFeedSystem

/// What the last complete build saw and wrote. A later one-shot `build` (cron) that finds the
/// same config, the same posting files (by stamp), the same outputs on disk and a "now" before
/// any posting's next opening or closing has nothing to do, and says so without reading or
/// rendering anything.
package struct BuildRecord: Codable, Sendable {
    package static let currentVersion = 2

    package var version = Self.currentVersion
    package var inputs: UInt64
    package var now: Int64
    package var nextChange: Int64?
    package var outputs: [String]
    package var outputStamps: UInt64
    package var counts: BuildReport.Counts
    package var diagnostics: [Diagnostic]

    package static func url(in config: Config) -> URL {
        StateFolder(config).buildRecord
    }

    /// The fingerprint of everything a build reads: the config, the options and every
    /// posting file's path and stamp (size, modification time, inode), `stamps` in file order.
    package static func inputs(config: Config, strict: Bool, files: [PostingFile], stamps: [FileStamp?]) -> UInt64 {
        var hash = StableHash()
        for (file, stamp) in zip(files, stamps) {
            hash.add(file.path.relativePath)
            if let stamp { hash.add(stamp) } else { hash.add("missing") }
        }
        return combine(config: config, strict: strict, files: hash)
    }

    /// Mixes the config, the options and the build itself into the hash of the files' stamps:
    /// a new jobfeed (another executable, other formats) must rebuild once, even when no
    /// posting changed.
    package static func combine(config: Config, strict: Bool, files: StableHash, executable: FileStamp? = executableStamp) -> UInt64 {
        var hash = files
        hash.add("\(Generator.version) \(config.fingerprint) \(strict)")
        hash.add(OutputFormats.enabled(config).map(\.id).joined(separator: ","))
        if let executable { hash.add(executable) } else { hash.add("no executable stamp") }
        return hash.value
    }

    /// The running executable's stamp (size, modification time, inode).
    package static let executableStamp: FileStamp? = FileStamp(path: "/proc/self/exe")

    package static func stamps(of outputs: [String]) -> UInt64 {
        var hash = StableHash()
        for path in outputs {
            if let stamp = FileStamp(path: path) { hash.add(stamp) } else { hash.add("missing") }
        }
        return hash.value
    }

    /// The recorded result, if it still holds for these inputs at `now`.
    package static func upToDate(config: Config, now: Timestamp, strict: Bool, files: [PostingFile], fileStamps: [FileStamp?]) -> BuildRecord? {
        guard let data = FileManager.default.contents(atPath: url(in: config).path),
              let record = try? JSONDecoder().decode(BuildRecord.self, from: data),
              record.version == currentVersion,
              now.seconds >= record.now, record.nextChange.map({ now.seconds < $0 }) ?? true,
              record.inputs == inputs(config: config, strict: strict, files: files, stamps: fileStamps),
              record.outputStamps == stamps(of: record.outputs)
        else { return nil }
        return record
    }

    package func save(in config: Config) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(self) else { return }
        try? OutputWriter.replace(Self.url(in: config).path, with: data, mode: StateFolder.fileMode)
    }

    package static func forget(in config: Config) {
        try? FileManager.default.removeItem(at: url(in: config))
    }
}

