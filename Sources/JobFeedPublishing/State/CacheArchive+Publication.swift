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
        var prepared = takePreparation()
        // Moved, not shared: changed below, a shared index's tables would be copied whole.
        swap(&index, &prepared.index)
        let warnings = damaged.withLock { $0 } ? [warning("the build cache was damaged (its index, or bytes that no longer match their digest); this build used none of what was damaged and rendered it again")] : []
        if let failure = prepared.appended.failure {
            abandon()
            if failure == Self.lowSpace {
                return warnings + [warning("the build cache is not kept while the state folder's disk has less free space than the outputs may need; builds render every changed posting until there is room")]
            }
            return warnings + [warning("cannot keep the build cache (\(failure)); the next build renders everything again")]
        }
        // The index is changed in place (a copy of 100,000 entries per build otherwise); a
        // failure to save it discards the whole cache.
        var change = prepared.change
        let damagedSources = damagedSources.withLock { $0 }
        if !damagedSources.isEmpty {
            // Found by their parts' sources, every key's taken again: seldom, and only then. Damage
            // found while the outputs were written (a part left in the cache is read back only
            // then) counts too; this build's own entries are new bytes, and stay.
            let damagedKeys = index.entries.flatMap { posting, kinds in kinds.pairs.map { Key(posting: posting, kind: $0.kind) } }
                .filter { damagedSources.contains($0.source) && prepared.appended.entries[$0.posting]?[kind: $0.kind] == nil }
            for key in damagedKeys {
                index[key] = nil
                change.removedEntries.append(key)
            }
            if !damagedKeys.isEmpty {
                prepared.compacts = index.isMostlyDead
                prepared.encodedEntries = nil
            }
        }
        // Said once: what was damaged is dropped from the index now.
        damaged.withLock { $0 = false }
        self.damagedSources.withLock { $0 = [] }
        if prepared.savesWhole {
            cache.written.forgetChanged()
        } else {
            change.record(outputs: cache.written.takeChanged(), fingerprints: cache.rendered.outputFingerprints, since: index)
        }
        index.outputs = cache.written.all
        index.fingerprints = cache.rendered.outputFingerprints
        let generation = index.generation
        if prepared.compacts { index = compacted(index) }
        do {
            if prepared.savesWhole {
                try saveWhole(entries: index.generation == generation ? prepared.encodedEntries : nil)
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
    /// `entries`: the index's encoded up to its outputs, when prepared for it as it is.
    private func saveWhole(entries: ByteWriter?) throws(SystemError) {
        let data = entries.map { index.encode(entries: $0) } ?? index.encode(key: key)
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

    /// The build did not publish: what it appended is cut off. An index its preparation
    /// changed is forgotten, for the next build to read it again as the last one left it.
    package func abandon() {
        guard !readOnly else { return }
        // The index as the last build left it, but for its entries when they were taken.
        let (generation, length) = (index.generation, index.packLength)
        if let prepared = takeStarted() {
            if prepared.appended.failure == nil { forgetIndex() } else { index = prepared.index }
        }
        restartAppending(at: length)
        let pack = packPath(generation)
        if FileStamp(path: pack) != nil { truncate(pack, off_t(length)) }
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
