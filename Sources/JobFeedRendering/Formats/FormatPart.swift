import Foundation

/// A posting's rendered bytes for one format, and their digest when a cache computed it.
///
/// The build cache keeps what a part is, not its bytes, which the outputs that took it hold: a
/// part that every output taking it copies from its last published file comes from the cache
/// as its digest and length only.
package struct FormatPart: Sendable {
    private enum Bytes: Sendable {
        case held(Data)
        /// In the outputs' last files only, where each output that takes it copies it from.
        case inPreviousOutputs
        /// What an index says of a part, to ask whether its bytes are needed: none to read.
        case described
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

    /// A cached part whose bytes every output that takes it copies from its last file.
    package init(inPreviousOutputs digest: UInt64, length: Int, source: UInt64) {
        bytes = .inPreviousOutputs
        self.digest = digest
        self.source = source
        self.length = length
    }

    /// What a cache's index says of a part, without its bytes: for asking whether anyone needs
    /// them (see `PartArchive.parts`).
    package init(describing digest: UInt64, length: Int, source: UInt64) {
        bytes = .described
        self.digest = digest
        self.source = source
        self.length = length
    }

    /// Its bytes; nil for a part only the outputs hold.
    package func data() -> Data? {
        if case let .held(data) = bytes { data } else { nil }
    }

    package var isInPreviousOutputs: Bool {
        if case .inPreviousOutputs = bytes { true } else { false }
    }
}
