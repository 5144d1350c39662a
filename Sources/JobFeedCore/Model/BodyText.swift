/// A posting's Markdown body: text when parsed from its file; from the build cache, bytes read
/// back only when something needs them. A cron build renders the bodies of the few postings
/// that changed: checking the UTF-8 of every other body again (65 MB at 10,000 postings) was 8%
/// of its CPU time, and reading them back at all a third of its memory.
package struct BodyText: Sendable, Hashable {
    private enum Storage: Sendable {
        case text(String)
        case utf8([UInt8])
        case deferred(@Sendable () -> [UInt8]?)
    }

    private let storage: Storage

    package init(_ text: String) {
        storage = .text(text)
    }

    /// Bytes a `String` wrote (the cache's own): whatever they hold, reading them repairs any
    /// invalid UTF-8, as `String(decoding:as:)` does.
    package init(utf8: [UInt8]) {
        storage = .utf8(utf8)
    }

    /// A body kept elsewhere: `load` reads its bytes (as `init(utf8:)` takes them) each time
    /// they are needed, or returns nil when it no longer can.
    package init(deferred load: @escaping @Sendable () -> [UInt8]?) {
        storage = .deferred(load)
    }

    /// The body with its bytes at hand: itself, or a deferred body loaded; nil when a deferred
    /// body cannot be read back (rendering then stops the build rather than publish it empty).
    package func loaded() -> BodyText? {
        guard case let .deferred(load) = storage else { return self }
        return load().map(BodyText.init(utf8:))
    }

    /// The text; empty for a deferred body that cannot be read back (see `loaded()`).
    package var text: String {
        switch storage {
        case let .text(text): text
        case let .utf8(bytes): String(decoding: bytes, as: UTF8.self)
        case .deferred: loaded()?.text ?? ""
        }
    }

    package func withUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        switch storage {
        case var .text(text): text.withUTF8(body)
        case let .utf8(bytes): bytes.withUnsafeBufferPointer(body)
        case .deferred: (loaded() ?? BodyText(utf8: [])).withUTF8(body)
        }
    }

    package static func == (left: BodyText, right: BodyText) -> Bool {
        left.withUTF8 { first in right.withUTF8 { second in first.elementsEqual(second) } }
    }

    package func hash(into hasher: inout Hasher) {
        withUTF8 { bytes in
            hasher.combine(bytes.count)
            hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
        }
    }
}
