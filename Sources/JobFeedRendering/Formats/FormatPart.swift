import Foundation

/// A posting's rendered bytes for one format, and their digest when a cache computed it.
///
/// A part that every output taking it will copy from its last published file is left in the
/// build cache: it carries its digest and length, and reads its bytes only if asked.
package struct FormatPart: Sendable {
    private enum Bytes: Sendable {
        case held(Data)
        case leftInCache(read: @Sendable () -> Data?)
    }

    private let bytes: Bytes
    package let digest: UInt64?
    package let length: Int
    /// Which posting's part of which kind it is (`PartKey.source`), when a cache keeps it.
    package let source: UInt64?

    package init(data: Data, digest: UInt64? = nil, source: UInt64? = nil) {
        bytes = .held(data)
        self.digest = digest
        self.source = source
        length = data.count
    }

    /// A cached part not read back: `read` reads (and checks) it if an output needs it after all.
    package init(leftInCache digest: UInt64, length: Int, source: UInt64, read: @escaping @Sendable () -> Data?) {
        bytes = .leftInCache(read: read)
        self.digest = digest
        self.source = source
        self.length = length
    }

    /// What a cache's index says of a part, without its bytes: for asking whether anyone needs
    /// them (see `PartArchive.parts`).
    package init(describing digest: UInt64, length: Int, source: UInt64) {
        self.init(leftInCache: digest, length: length, source: source) { nil }
    }

    /// Its bytes; nil for a part left in the cache that no longer reads back intact.
    package func data() -> Data? {
        switch bytes {
        case let .held(data): data
        case let .leftInCache(read): read()
        }
    }

    package var isLeftInCache: Bool {
        if case .leftInCache = bytes { true } else { false }
    }
}
