/// A posting's Markdown body: text when parsed from its file, UTF-8 bytes when read back from
/// the build cache, made a `String` only when something reads it. A cron build renders the
/// bodies of the few postings that changed, and checking the UTF-8 of every other body again
/// (65 MB at 10,000 postings) was 8% of its CPU time.
package struct BodyText: Sendable, Hashable {
    private enum Storage: Sendable {
        case text(String)
        case utf8([UInt8])
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

    package var text: String {
        switch storage {
        case let .text(text): text
        case let .utf8(bytes): String(decoding: bytes, as: UTF8.self)
        }
    }

    package func withUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        switch storage {
        case var .text(text): text.withUTF8(body)
        case let .utf8(bytes): bytes.withUnsafeBufferPointer(body)
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
