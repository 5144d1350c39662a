import Foundation

/// What the last complete build saw and wrote. A later one-shot `build` (cron) that finds the
/// same config, the same posting files (by stamp), the same outputs on disk and a "now" before
/// any posting's next opening or closing has nothing to do, and says so without reading or
/// rendering anything.
struct BuildRecord: Codable, Sendable {
    static let currentVersion = 2

    var version = Self.currentVersion
    var inputs: UInt64
    var now: Int64
    var nextChange: Int64?
    var outputs: [String]
    var outputStamps: UInt64
    var counts: BuildReport.Counts
    var diagnostics: [Diagnostic]

    static func url(in config: Config) -> URL {
        StateFolder(config).buildRecord
    }

    /// The fingerprint of everything a build reads: the config, the options and every
    /// posting file's path and stamp (size, modification time, inode).
    static func inputs(config: Config, strict: Bool, files: [PostingFile]) -> UInt64 {
        var hash = StableHash()
        for file in files {
            hash.add(file.path.relativePath)
            if let stamp = FileStamp(path: file.absolutePath) { hash.add(stamp) } else { hash.add("missing") }
        }
        return combine(config: config, strict: strict, files: hash)
    }

    /// Mixes the config, the options and the build itself into the hash of the files' stamps:
    /// a new jobfeed (another executable, other formats) must rebuild once, even when no
    /// posting changed.
    static func combine(config: Config, strict: Bool, files: StableHash, executable: FileStamp? = executableStamp) -> UInt64 {
        var hash = files
        hash.add("\(Generator.version) \(config.fingerprint) \(strict)")
        hash.add(OutputFormats.enabled(config).map(\.id).joined(separator: ","))
        if let executable { hash.add(executable) } else { hash.add("no executable stamp") }
        return hash.value
    }

    /// The running executable's stamp (size, modification time, inode).
    static let executableStamp: FileStamp? = FileStamp(path: "/proc/self/exe")

    static func stamps(of outputs: [String]) -> UInt64 {
        var hash = StableHash()
        for path in outputs {
            if let stamp = FileStamp(path: path) { hash.add(stamp) } else { hash.add("missing") }
        }
        return hash.value
    }

    /// The recorded result, if it still holds for these inputs at `now`.
    static func upToDate(config: Config, now: Timestamp, strict: Bool, files: [PostingFile]) -> BuildRecord? {
        guard let data = FileManager.default.contents(atPath: url(in: config).path),
              let record = try? JSONDecoder().decode(BuildRecord.self, from: data),
              record.version == currentVersion,
              now.seconds >= record.now, record.nextChange.map({ now.seconds < $0 }) ?? true,
              record.inputs == inputs(config: config, strict: strict, files: files),
              record.outputStamps == stamps(of: record.outputs)
        else { return nil }
        return record
    }

    func save(in config: Config) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(self) else { return }
        try? OutputWriter.replace(Self.url(in: config).path, with: data, mode: StateFolder.fileMode)
    }

    static func forget(in config: Config) {
        try? FileManager.default.removeItem(at: url(in: config))
    }
}

/// FNV-1a, 64 bits: stable across processes, unlike Swift's seeded `Hasher`.
struct StableHash {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            for byte in bytes { mix(byte) }
        }
        mix(0)
    }

    mutating func add(_ stamp: FileStamp) {
        add("\(stamp.size) \(stamp.modifiedSeconds) \(stamp.modifiedNanoseconds) \(stamp.inode)")
    }

    private mutating func mix(_ byte: UInt8) {
        value = (value ^ UInt64(byte)) &* 0x100_0000_01b3
    }
}
