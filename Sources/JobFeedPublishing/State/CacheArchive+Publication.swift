import Foundation
import JobFeedCore
import JobFeedSystem
import SystemPackage

/// Ending a build with the cache: keeping what it appended (and compacting), or cutting it off.
extension CacheArchive {
    /// After the build published: saves the index with this build's entries, outputs and
    /// fingerprints, compacting the pack when more than half of it is dead. Never fails the
    /// build; says why when the cache could not be kept.
    package func commit(_ cache: BuildCache) -> [Diagnostic] {
        precondition(!readOnly, "a read-only build cache is never committed")
        let state = appending.withLock { state -> Appending in
            flush(&state)
            defer {
                state.file = nil
                state.pending = []
            }
            return state
        }
        let warnings = damaged.withLock { $0 } ? [warning("the build cache was damaged (its index, or bytes that no longer match their digest); this build used none of what was damaged and rendered it again")] : []
        if let failure = state.failure {
            abandon()
            if failure == Self.lowSpace {
                return warnings + [warning("the build cache is not kept while the state folder's disk has less free space than the outputs may need; builds render every changed posting until there is room")]
            }
            return warnings + [warning("cannot keep the build cache (\(failure)); the next build renders everything again")]
        }
        var next = index
        for key in damagedKeys.withLock({ $0 }) { next.entries[key] = nil }
        // Said once: what was damaged is dropped from the index now.
        damaged.withLock { $0 = false }
        damagedKeys.withLock { $0 = [] }
        next.entries.merge(state.entries) { _, appended in appended }
        if let live = state.livePaths { next.entries = next.entries.filter { live.contains($0.key.path) } }
        next.packLength = state.length
        next.outputs = cache.recordedOutputs
        next.fingerprints = cache.rendered.outputFingerprints
        if next.deadBytes > next.liveBytes && next.deadBytes > 1 << 20 { next = compacted(next) }
        do {
            try OutputWriter.replace(folder.appendingPathComponent(CacheIndex.fileName).path, with: next.encoded(key: key), mode: StateFolder.fileMode)
        } catch {
            abandon()
            return warnings + [warning("cannot save the build cache's index: \(error.reason); the next build renders everything again")]
        }
        if next.generation != index.generation { SystemCall.remove(packPath(index.generation)) }
        index = next
        appending.withLock { $0 = Appending(length: next.packLength) }
        return warnings
    }

    /// The build did not publish: what it appended is cut off.
    package func abandon() {
        guard !readOnly else { return }
        appending.withLock { $0 = Appending(length: index.packLength) }
        if FileStamp(path: packPath(index.generation)) != nil { truncate(packPath(index.generation), off_t(index.packLength)) }
    }

    /// The live entries copied into the next generation's pack; the index as it was when that
    /// fails (the old pack stays).
    private func compacted(_ index: CacheIndex) -> CacheIndex {
        var next = index
        next.generation += 1
        next.packLength = 0
        let path = packPath(next.generation)
        do {
            let output = try OpenFile(path, .writeOnly, options: [.create, .truncate], permissions: FilePermissions(rawValue: StateFolder.fileMode), operation: "write")
            let input = try OpenFile(packPath(index.generation), .readOnly, operation: "read")
            for (key, entry) in index.entries.sorted(by: { $0.value.offset < $1.value.offset }) {
                var data = Data(count: entry.length)
                guard try data.withUnsafeMutableBytes({ try input.read(at: Int64(entry.offset), into: $0) }) == entry.length else {
                    next.entries[key] = nil
                    continue
                }
                try output.writeAll(data)
                next.entries[key]?.offset = next.packLength
                next.packLength += UInt64(entry.length)
            }
            return next
        } catch {
            SystemCall.remove(path)
            return index
        }
    }

    private func warning(_ message: String) -> Diagnostic {
        .warning(message, at: SourceLocation(file: DisplayPath.of(folder)))
    }
}
