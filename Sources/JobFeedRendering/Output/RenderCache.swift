import Foundation
import JobFeedCore
import JobFeedSystem
import Synchronization

/// What rendering made for each posting file, kept between builds of a long-running process:
/// its body in three forms, each format's part, and what each whole feed was made from. An
/// entry is used only while the file's stamp, and everything else the bytes depend on (its
/// URL, status and translations), are what they were.
package final class RenderCache: Sendable {
    private struct Key: Hashable {
        var path: String
        /// A format id, or a format's own name for a kind of bytes (a feed dialect's items).
        var kind: String
    }

    private struct Part {
        var stamp: FileStamp
        var context: String
        var part: FormatPart
    }

    private struct Body {
        var stamp: FileStamp
        var url: String
        var body: RenderedBody
    }

    private let bodies = Mutex<[String: Body]>([:])
    private let parts = Mutex<[Key: Part]>([:])
    private let fingerprints = Mutex<[String: (fingerprint: UInt64, stamp: FileStamp)]>([:])

    package init() {}

    package func body(_ path: String, stamp: FileStamp, url: String) -> RenderedBody? {
        bodies.withLock { $0[path].flatMap { $0.stamp == stamp && $0.url == url ? $0.body : nil } }
    }

    package func store(_ body: RenderedBody, for path: String, stamp: FileStamp, url: String) {
        bodies.withLock { $0[path] = Body(stamp: stamp, url: url, body: body) }
    }

    /// A posting's place among the parts: its file, the file's stamp, and what else its bytes
    /// depend on, worked out once for all of its parts.
    package struct Slot: Sendable {
        fileprivate let path: String
        fileprivate let stamp: FileStamp
        fileprivate let context: String
    }

    /// Nil for a posting that was not read from a file (nothing to key it on).
    package func slot(for entry: RenderedEntry) -> Slot? {
        entry.posting.source.stamp.map { Slot(path: entry.posting.source.absolutePath, stamp: $0, context: Self.context(of: entry)) }
    }

    /// The posting's bytes of `kind`, when its file and context are unchanged.
    package func part(_ kind: String, in slot: Slot) -> FormatPart? {
        let key = Key(path: slot.path, kind: kind)
        return parts.withLock { $0[key].flatMap { $0.stamp == slot.stamp && $0.context == slot.context ? $0.part : nil } }
    }

    /// Keeps the bytes, with their digest, computed here once.
    @discardableResult
    package func store(_ data: Data, kind: String, in slot: Slot) -> FormatPart {
        let part = FormatPart(data: data, digest: ContentDigest.of(data))
        parts.withLock { $0[Key(path: slot.path, kind: kind)] = Part(stamp: slot.stamp, context: slot.context, part: part) }
        return part
    }

    /// True when the output was made from the same inputs and is still as it was written.
    package func outputIsCurrent(_ path: String, fingerprint: UInt64) -> Bool {
        guard let known = fingerprints.withLock({ $0[path] }), known.fingerprint == fingerprint else { return false }
        return FileStamp(path: path) == known.stamp
    }

    package func recordOutput(_ path: String, fingerprint: UInt64) {
        guard let stamp = FileStamp(path: path) else { return }
        fingerprints.withLock { $0[path] = (fingerprint, stamp) }
    }

    /// Forgets posting files that are gone.
    package func keepOnly(_ paths: Set<String>) {
        bodies.withLock { $0 = $0.filter { paths.contains($0.key) } }
        parts.withLock { $0 = $0.filter { paths.contains($0.key.path) } }
    }

    /// Forgets everything (a new config changes how every file renders).
    package func clear() {
        bodies.withLock { $0 = [:] }
        parts.withLock { $0 = [:] }
        fingerprints.withLock { $0 = [:] }
    }

    /// What else a posting's bytes depend on besides its file: its URL, its status at "now"
    /// and its translations' links.
    private static func context(of entry: RenderedEntry) -> String {
        ([entry.posting.url, entry.status.rawValue] + entry.translations.map { "\($0.language) \($0.url)" }).joined(separator: "\n")
    }
}
