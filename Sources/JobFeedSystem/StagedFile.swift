import Foundation
import JobFeedCore
import Synchronization

/// An output file written as it is rendered: a temporary file in the staging folder (or beside
/// its target, on another file system), renamed over it with every other output when the
/// whole build has rendered (or removed when unchanged). Until then the target
/// keeps its last good bytes; a build that fails or stops drops its staged files, and with
/// them their temporary files.
///
/// Used by one thread at a time: the renderer that fills it, then the writer.
package final class StagedFile: @unchecked Sendable {
    package static let temporaryPrefix = ".jobfeed-tmp-"
    /// Names temporary files uniquely within the process (a `UUID` read /dev/urandom each time).
    private static let counter = Atomic<Int>(0)

    package let target: String
    package let temporaryPath: String
    private var file: OpenFile?
    private var buffer: [UInt8] = []
    /// The copy to make next (see `CopyRun`).
    private var pendingCopy: CopyRun?
    /// Where the bytes written or copied so far end in the temporary file.
    private var flushedSize: Int64 = 0
    private var mirror: MirroredStretches?
    private var writeback = WritebackPace()
    /// How many bytes written after a copy are held back.
    package static let heldLimit = 1024
    package private(set) var size = 0
    /// Where each posting's part lies in this file (see `mark`), for the next build to copy.
    package private(set) var spans: [PartSpan] = []
    private var failure: SystemError?
    private var isSettled = false
    /// Where the temporary file was kept as a spare, when it is one written over from its
    /// start (see `SpareFile`): cut to this version's size when finished, and put back there
    /// when discarded.
    private let spare: String?
    private var inPlace = SpareParts()
    package private(set) var bytesLeftInPlace = 0
    /// The target's published version when the build began and where its parts lie: once
    /// replaced, it is the next build's spare, with that layout (see `OutputWriter.saveLayouts`).
    package var previousVersion: (identity: FileIdentity, layout: [PartSpan])?

    /// Creates the temporary file in `folder` (the staging folder the state folder chose), or
    /// takes the target's `spare` there when it can be written over, with `spareLayout`,
    /// where its parts lie, when a layout describes it as it is.
    package init(target: String, folder: String, spare: String? = nil, spareLayout: [PartSpan]? = nil) throws(SystemError) {
        self.target = target
        temporaryPath = Self.temporaryPath(in: folder)
        if let spare, let reused = SpareFile.claim(spare, as: temporaryPath) {
            file = reused.file
            self.spare = spare
            if reused.keptBytes, let spareLayout { inPlace = SpareParts(spareLayout) }
        } else {
            file = try OpenFile(temporaryPath, .writeOnly, options: [.create, .exclusiveCreate], permissions: [.ownerReadWrite, .groupRead, .otherRead], operation: "write")
            self.spare = nil
        }
        buffer.reserveCapacity(Self.bufferSize)
    }

    deinit {
        if !isSettled { discard() }
    }

    package static func temporaryPath(in folder: String) -> String {
        folder + "/" + temporaryPrefix + "\(getpid())-\(counter.add(1, ordering: .relaxed).newValue)"
    }

    /// Whether `name` is a temporary file's whose process has ended (so no one will rename or
    /// remove it): the process that made it is in its name.
    package static func isLeftByEndedProcess(_ name: String) -> Bool {
        guard let rest = name.afterBytes(temporaryPrefix), let process = rest.split(separator: "-").first.flatMap({ pid_t($0) }), process > 0
        else { return false }
        return kill(process, 0) != 0 && errno == ESRCH
    }

    private static let bufferSize = 1 << 20

    package func write(_ bytes: UnsafeRawBufferPointer) {
        size += bytes.count
        if let pending = pendingCopy {
            if pending.held.count + bytes.count <= Self.heldLimit {
                pendingCopy?.held.append(contentsOf: bytes)
                return
            }
            flush()
        }
        if buffer.count + bytes.count > Self.bufferSize { flush() }
        if bytes.count >= Self.bufferSize {
            writeThrough(bytes)
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    /// Appends the part that `span` says lies in `source`. Copies that follow on from each
    /// other in the source, with the same bytes between them as there, become one
    /// `copy_file_range`.
    package func copy(from source: OpenFile, _ span: PartSpan) {
        defer { size += span.length }
        // Where the spare holds the same part already, it is "copied" from this file itself,
        // to the same offset: left where it lies (see `flush`).
        let offset = Int64(size)
        if let kept = inPlace.part(at: offset, holding: span), let file {
            return add(kept, from: file, previous: (source, span))
        }
        add(span, from: source, previous: (source, span))
    }

    /// Copies that follow on from each other in the source, with the same bytes between them
    /// as there, become one. The stretch lies at the same place in the target's published
    /// version (`previous`) while every part and lead it takes does.
    private func add(_ span: PartSpan, from source: OpenFile, previous: (file: OpenFile, span: PartSpan)) {
        // Extended where it lies: a copy taken out and put back retained its files and held
        // bytes for every part of a cron build's outputs.
        if pendingCopy?.extend(with: span, from: source, previous: previous) == true {
            // Copied as the output renders, on its writer's core, rather than all at the end.
            if let length = pendingCopy?.length, length >= Self.bufferSize * 16 { flush() }
            return
        }
        flush()
        pendingCopy = CopyRun(span, from: source, previous: previous)
    }

    /// Notes where a part lies in this file (see `PartSpan`).
    package func mark(_ span: PartSpan) {
        spans.append(span)
    }

    /// Fails the file: `finish` throws this.
    package func fail(_ error: SystemError) {
        if failure == nil { failure = error }
    }

    /// Writes what is buffered and closes the file; throws if any write failed.
    package func finish() throws(SystemError) {
        flush()
        flushBuffer()
        if let file { writeback.finishing(file, writtenTo: flushedSize) }
        if spare != nil, failure == nil {
            do { try file?.truncate(to: flushedSize) } catch { failure = error }
        }
        file = nil
        if let failure { throw SystemError(operation: failure.operation, path: target, code: failure.code) }
    }

    /// The finished file was renamed over its target (by a `Publication`): it is no longer
    /// this one's to remove.
    package func published() {
        isSettled = true
    }

    /// True when the finished file holds exactly its target's bytes. Only where the two may
    /// differ are they read: the stretches copied from the target at the same offsets, while it
    /// kept one identity, are equal already (at 10,000 postings, an edit that keeps a posting's
    /// length read 300 MB here, to find the one part that differs).
    package func matchesTarget() -> Bool {
        let known = mirror?.ranges(ifStill: target) ?? []
        return OpenFile.sameContents(temporaryPath, target, size: size, skipping: known)
    }

    package func discard() {
        isSettled = true
        file = nil
        if let spare, rename(temporaryPath, spare) == 0 { return }
        SystemCall.remove(temporaryPath)
    }

    /// Writes the buffer, or the copy waiting, then buffers the bytes held after it (there is
    /// never both a buffer and a copy waiting: each flushes the other).
    private func flush() {
        flushBuffer()
        guard let copy = pendingCopy else { return }
        pendingCopy = nil
        if failure == nil {
            do throws(SystemError) {
                if copy.source === file {
                    // Only ever at the offset it lies at; anything else is a fault, and the
                    // build fails rather than publish what it did not write.
                    guard copy.offset == flushedSize else { throw SystemError(operation: "write", path: target, code: EIO) }
                    try file?.skip(copy.length)
                    bytesLeftInPlace += copy.length
                } else {
                    try file?.append(from: copy.source, offset: copy.offset, length: copy.length)
                    writeback.madeCopies = true
                }
                noteMirrored(copy, at: flushedSize)
                flushedSize += Int64(copy.length)
            } catch {
                failure = error
            }
        }
        buffer.append(contentsOf: copy.held)
        if let file { writeback.copied(file, writtenTo: flushedSize) }
    }

    private func noteMirrored(_ copy: CopyRun, at offset: Int64) {
        guard let previous = copy.previous, previous.offset == offset, copy.length > 0, let identity = FileIdentity(of: previous.file) else { return }
        if mirror == nil { mirror = MirroredStretches(identity: identity) }
        mirror?.note(copy.length, at: offset, from: identity)
    }

    private func flushBuffer() {
        buffer.withUnsafeBytes { writeThrough($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    private func writeThrough(_ bytes: UnsafeRawBufferPointer) {
        guard failure == nil, bytes.count > 0 else { return }
        do {
            try file?.writeAll(bytes)
            flushedSize += Int64(bytes.count)
        } catch {
            failure = error
        }
    }
}
