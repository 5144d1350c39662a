import Foundation
import JobFeedCore
import JobFeedReading
import JobFeedRendering
import JobFeedSystem

/// What the last complete build saw and wrote. A later one-shot `build` (cron) that finds the
/// same config, the same posting files (by stamp), the same outputs on disk and a "now" before
/// any posting's next opening or closing has nothing to do, and says so without reading or
/// rendering anything.
///
/// Kept as bytes with their digest (`build-record`): as JSON, its 37,000 output paths at
/// 50,000 postings took 0.1 s to encode and decode on every build.
package struct BuildRecord: Sendable {
    private static let magic: UInt64 = 0x4A46_5245_434F_5244  // "JFRECORD"
    /// Raised when the record's bytes change: a record of another version is not read.
    private static let version = 3

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

    /// The outputs' stamps, hashed in order. Taken on every core: at 10,000 postings they are
    /// 7,430 `stat` calls in the no-op check.
    ///
    /// `known`: stamps the build took itself of files it wrote or found unchanged, used rather
    /// than taken again at its serial end (13 ms of a cron build at 10,000 postings). One that
    /// is out of date errs one way only: the next build finds the file changed and builds.
    /// The stamps not known are taken in runs of `run` paths (`Parallel.stamps`).
    package static func stamps(of outputs: [String], known: (ExactPath) -> FileStamp? = { _ in nil }, run: Int = 1_000) -> UInt64 {
        // By exact path: two documents whose names read alike are two files, two stamps.
        let paths = outputs.map(ExactPath.init)
        let recorded = paths.map(known)
        let unknown = paths.indices.filter { recorded[$0] == nil }
        let taken = Parallel.stamps(of: unknown.map { outputs[$0] }, run: run) { $0.stamp(of: $1) }
        var stamps = recorded
        for (index, stamp) in zip(unknown, taken) { stamps[index] = stamp }
        var hash = StableHash()
        for stamp in stamps {
            if let stamp { hash.add(stamp) } else { hash.add("missing") }
        }
        return hash.value
    }

    /// The recorded result, if it still holds for these inputs at `now`.
    package static func upToDate(config: Config, now: Timestamp, strict: Bool, files: [PostingFile], fileStamps: [FileStamp?]) -> BuildRecord? {
        // The rest (the outputs' paths among it) is read only when the inputs and the time
        // still hold: a cron build, whose inputs changed, read 7,450 paths for nothing.
        let holds = { (header: Header) in
            now.seconds >= header.now && header.nextChange.map { now.seconds < $0 } ?? true
                && header.inputs == inputs(config: config, strict: strict, files: files, stamps: fileStamps)
        }
        guard let data = try? OpenFile.contents(of: url(in: config).path), let record = read(from: data, if: holds),
              record.outputStamps == stamps(of: record.outputs)
        else { return nil }
        return record
    }

    /// What a record says first: what its build read, and when.
    package struct Header {
        package var inputs: UInt64
        package var now: Int64
        package var nextChange: Int64?
    }

    package func save(in config: Config) {
        try? OutputWriter.replace(Self.url(in: config).path, with: bytes(), mode: StateFolder.fileMode)
    }

    package func bytes() -> Data {
        var writer = ByteWriter()
        writer.append(Self.magic)
        writer.append(Self.version)
        writer.append(inputs)
        writer.append(now)
        writer.append(nextChange) { $0.append($1) }
        writer.append(outputs)
        writer.append(outputStamps)
        let languages = counts.byLanguage.sorted { $0.key < $1.key }
        writer.append(languages.count)
        for (language, statuses) in languages {
            writer.append(language)
            let sorted = statuses.sorted { $0.key < $1.key }
            writer.append(sorted.map(\.key))
            for (_, count) in sorted { writer.append(count) }
        }
        writer.append(counts.translationPairs)
        writer.append(diagnostics.count)
        for diagnostic in diagnostics { diagnostic.write(to: &writer) }
        return SealedBytes.seal(writer).data
    }

    /// The record the bytes hold; nil for bytes that are damaged, cut short or of another kind,
    /// or whose header `wanted` refuses (then the rest is not read).
    package static func read(from data: Data, if wanted: (Header) -> Bool = { _ in true }) -> BuildRecord? {
        data.withUnsafeBytes { raw in
            guard let (body, _) = SealedBytes.open(raw) else { return nil }
            var reader = ByteReader(body)
            return try? Result { () throws(ByteReader.Malformed) -> BuildRecord? in
                guard try reader.uint64() == magic, try reader.int() == version else { throw ByteReader.Malformed() }
                let inputs = try reader.uint64()
                let now = try reader.int64()
                let nextChange = try reader.optional { reader throws(ByteReader.Malformed) in try reader.int64() }
                guard wanted(Header(inputs: inputs, now: now, nextChange: nextChange)) else { return nil }
                let outputs = try reader.strings()
                let outputStamps = try reader.uint64()
                var counts = BuildReport.Counts()
                for _ in 0..<(try reader.count()) {
                    let language = try reader.string()
                    var statuses: [String: Int] = [:]
                    for status in try reader.strings() { statuses[status] = try reader.int() }
                    counts.byLanguage[language] = statuses
                }
                counts.translationPairs = try reader.int()
                var diagnostics: [Diagnostic] = []
                for _ in 0..<(try reader.count()) { diagnostics.append(try Diagnostic.read(from: &reader)) }
                guard reader.isAtEnd else { throw ByteReader.Malformed() }
                return BuildRecord(inputs: inputs, now: now, nextChange: nextChange, outputs: outputs, outputStamps: outputStamps,
                                   counts: counts, diagnostics: diagnostics)
            }.get() ?? nil
        }
    }

    package static func forget(in config: Config) {
        try? FileManager.default.removeItem(at: url(in: config))
    }
}

