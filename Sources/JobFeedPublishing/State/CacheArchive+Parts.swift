import Foundation
import JobFeedCore
@_spi(Specialized) import JobFeedRendering
import JobFeedSystem
import SystemPackage
import Synchronization

/// A build's parts going into the cache and coming back: looked up a posting at a time,
/// appended to the pack a megabyte at a time, read back and checked when an output needs them.
extension CacheArchive {
    package func parts(_ kinds: [String], of posting: PostingKey, stamp: FileStamp, context: UInt64,
                       needsBytes: (String, FormatPart) -> Bool = { _, _ in true }) -> FormatParts {
        let appended = hasAppended.load(ordering: .acquiring) ? appending.withLock { $0.entries[posting] } : nil
        let indexed = index.entries[posting]
        guard appended != nil || indexed != nil else { return FormatParts() }
        // Room for every kind at once: grown one part at a time, the list was allocated anew
        // three times for each posting.
        var parts = FormatParts(capacity: kinds.count)
        var flushed = false
        for kind in kinds {
            let fresh = appended?[kind: kind]
            guard let entry = fresh ?? indexed?[kind: kind], entry.stamp == stamp, entry.context == context else { continue }
            // Its bytes may still wait, or be on their way to the pack.
            if fresh != nil, !flushed {
                writePending()
                flushed = true
            }
            parts[kind: kind] = part(entry, source: PartKey(posting: posting, kind: kind).source) { needsBytes(kind, $0) }
        }
        return parts
    }

    /// The entry's part: asked with what the index knows, the part that reads its bytes later
    /// is made only when it is left in the cache.
    private func part(_ entry: Entry, source: UInt64, needsBytes: (FormatPart) -> Bool) -> FormatPart? {
        if !needsBytes(FormatPart(describing: entry.digest, length: entry.length, source: source)) {
            return FormatPart(leftInCache: entry.digest, length: entry.length, source: source,
                              place: FormatPart.CachedPlace(archive: self, offset: entry.offset))
        }
        return bytes(at: entry.offset, length: entry.length, digest: entry.digest, source: source).map { FormatPart(data: $0, digest: entry.digest, source: source) }
    }

    package func store(_ part: FormatPart, as key: PartKey, stamp: FileStamp, context: UInt64) {
        guard let data = part.data() else { return }
        let digest = part.digest ?? ContentDigest.of(data)
        let full = appending.withLock { state -> Bool in
            guard state.failure == nil else { return false }
            state.entries[key.posting, default: ByKind()][kind: key.kind] = Entry(stamp: stamp, context: context, offset: state.length, length: data.count, digest: digest)
            hasAppended.store(true, ordering: .releasing)
            state.length += UInt64(data.count)
            state.pending.append(contentsOf: data)
            return state.pending.count >= 1 << 20
        }
        // While a write is under way, the bytes wait for the next one.
        if full { writing.withLockIfAvailable { writePending(&$0) } }
    }

    /// Writes the appended bytes that wait, once any write under way has ended.
    func writePending() {
        writing.withLock { writePending(&$0) }
    }

    /// Takes the bytes that wait and writes them, outside the appending lock. A full disk
    /// costs the next build time, never this one its outputs: what this build appended is
    /// given back at once.
    private func writePending(_ writing: inout Writing) {
        let failed = appending.withLock { state -> Bool in
            swap(&state.pending, &writing.spare)
            return state.failure != nil
        }
        defer { writing.spare.removeAll(keepingCapacity: true) }
        guard !failed, !writing.spare.isEmpty else { return }
        do {
            if writing.file == nil {
                try StateFolder.create(folder)
                writing.file = try OpenFile(packPath(index.generation), .writeOnly, options: [.create, .append],
                                            permissions: FilePermissions(rawValue: StateFolder.fileMode), operation: "write")
            }
            let file = writing.file
            try writing.spare.withUnsafeBytes { bytes in Result { () throws(SystemError) in try file?.writeAll(bytes) } }.get()
        } catch {
            writing.file = nil
            appending.withLock { state in
                state.failure = "\(error)"
                state.pending = []
                state.entries = [:]
            }
            truncate(packPath(index.generation), off_t(index.packLength))
        }
    }

    /// Starts appending anew at `length`, the pack to be opened again (its generation may
    /// have changed); with a `failure`, nothing is appended.
    func restartAppending(at length: UInt64, failure: String? = nil) {
        writing.withLock { $0 = Writing() }
        appending.withLock { appending in
            appending = Appending(length: length, failure: failure)
            hasAppended.store(false, ordering: .releasing)
        }
    }

    package func keepOnly(_ paths: [String]) {
        appending.withLock { $0.livePaths = paths }
    }

    /// An entry's bytes (its stamp and context already matched), checked against its digest;
    /// when they no longer match, noted as damaged by the part's source.
    package func bytes(at offset: UInt64, length: Int, digest: UInt64, source: UInt64) -> Data? {
        guard let file = packReader(), length >= 0, let buffer = malloc(max(length, 1)) else { return nil }
        // Read into memory that is not zeroed first (`Data(count:)` was a third of this).
        let read = try? file.read(at: Int64(offset), into: UnsafeMutableRawBufferPointer(start: buffer, count: length))
        let data = Data(bytesNoCopy: buffer, count: length, deallocator: .free)
        guard read == length, ContentDigest.of(data) == digest else {
            damaged.withLock { $0 = true }
            damagedSources.withLock { _ = $0.insert(source) }
            return nil
        }
        return data
    }

    private func packReader() -> OpenFile? {
        let generation = index.generation
        return reader.withLock { reader in
            if let reader, reader.generation == generation { return reader.file }
            reader = (try? OpenFile(packPath(generation), .readOnly, operation: "read")).map { (generation, $0) }
            return reader?.file
        }
    }
}
