import Foundation
import JobFeedCore
@_spi(Specialized) import JobFeedRendering
import JobFeedSystem
import SystemPackage

/// Ending a build with the cache: keeping what it appended (and compacting), or cutting it off.
extension CacheArchive {
    /// After the build published: saves the index with this build's entries, outputs and
    /// fingerprints, compacting the pack when more than half of it is dead. Never fails the
    /// build; says why when the cache could not be kept.
    package func commit(_ cache: BuildCache) -> [Diagnostic] {
        precondition(!readOnly, "a read-only build cache is never committed")
        writePending()
        let state = appending.withLock { $0 }
        let warnings = damaged.withLock { $0 } ? [warning("the build cache was damaged (its index, or bytes that no longer match their digest); this build used none of what was damaged and rendered it again")] : []
        if let failure = state.failure {
            abandon()
            if failure == Self.lowSpace {
                return warnings + [warning("the build cache is not kept while the state folder's disk has less free space than the outputs may need; builds render every changed posting until there is room")]
            }
            return warnings + [warning("cannot keep the build cache (\(failure)); the next build renders everything again")]
        }
        // The index is changed in place (a copy of 100,000 entries per build otherwise); a
        // failure to save it discards the whole cache.
        var change = CacheIndexLog.Change(packLength: state.length)
        let damagedSources = damagedSources.withLock { $0 }
        if !damagedSources.isEmpty {
            // Found by their parts' sources, every key's taken again: seldom, and only then.
            let damagedKeys = index.entries.flatMap { posting, kinds in kinds.pairs.map { Key(posting: posting, kind: $0.kind) } }
                .filter { damagedSources.contains($0.source) }
            for key in damagedKeys {
                index[key] = nil
                change.removedEntries.append(key)
            }
        }
        // Said once: what was damaged is dropped from the index now.
        damaged.withLock { $0 = false }
        self.damagedSources.withLock { $0 = [] }
        for (posting, kinds) in state.entries {
            // One lookup for all of the posting's kinds, its entry changed in place.
            index.entries[posting, default: ByKind()].merge(kinds)
            change.entries += kinds.pairs.map { (Key(posting: posting, kind: $0.kind), $0.value) }
        }
        if let live = state.livePaths {
            // Matched by the paths' hashes, taken when the keys were made: hashing and comparing
            // 100,000 keys' paths took 20 ms of a cron build's last, serial stretch at 10,000
            // postings. A dead path whose hash met a live one's would only keep its entries,
            // which are never used without their file's stamp.
            let liveHashes = Set(live.map(PostingKey.hash(ofPath:)))
            let dead = index.entries.keys.filter { !liveHashes.contains($0.pathHash) }
            for posting in dead {
                guard let kinds = index.entries.removeValue(forKey: posting) else { continue }
                change.removedEntries += kinds.pairs.map { Key(posting: posting, kind: $0.kind) }
            }
        }
        index.packLength = state.length
        change.record(outputs: cache.takeChangedOutputs(), fingerprints: cache.rendered.outputFingerprints, since: index)
        index.outputs = cache.recordedOutputs
        index.fingerprints = cache.rendered.outputFingerprints
        let generation = index.generation
        if index.deadBytes > index.liveBytes && index.deadBytes > 1 << 20 { index = compacted(index) }
        do {
            if index.generation != generation || index.fileDigest == 0 || logLength > max(1 << 20, index.fileSize / 2) {
                try saveWhole()
            } else {
                let record = change.encoded(following: index.fileDigest)
                try CacheIndexLog.append(record, to: folder.appendingPathComponent(CacheIndexLog.fileName).path)
                logLength += record.count
            }
        } catch {
            discard()
            return warnings + [warning("cannot save the build cache's index: \(error.reason); the next build renders everything again")]
        }
        if index.generation != generation { SystemCall.remove(packPath(generation)) }
        restartAppending(at: index.packLength)
        return warnings
    }

    /// Writes the index whole, replacing the file at once, and starts its log anew.
    private func saveWhole() throws(SystemError) {
        let data = index.encode(key: key)
        try OutputWriter.replace(folder.appendingPathComponent(CacheIndex.fileName).path, with: data, mode: StateFolder.fileMode)
        SystemCall.remove(folder.appendingPathComponent(CacheIndexLog.fileName).path)
        logLength = 0
    }

    /// Forgets the whole cache, on disk too: what is on disk may no longer match the index.
    private func discard() {
        for entry in FolderWalk.entries(of: folder.path) { SystemCall.remove(folder.path + "/" + entry.name) }
        index = CacheIndex()
        logLength = 0
        restartAppending(at: 0)
    }

    /// The build did not publish: what it appended is cut off.
    package func abandon() {
        guard !readOnly else { return }
        restartAppending(at: index.packLength)
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
            for (key, entry) in index.allEntries.sorted(by: { $0.value.offset < $1.value.offset }) {
                var data = Data(count: entry.length)
                guard try data.withUnsafeMutableBytes({ try input.read(at: Int64(entry.offset), into: $0) }) == entry.length else {
                    next[key] = nil
                    continue
                }
                try output.writeAll(data)
                let offset = next.packLength
                next[key]?.offset = offset
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
