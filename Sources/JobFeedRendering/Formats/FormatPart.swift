import Foundation

/// A posting's rendered bytes for one format, and their digest when a cache computed it.
///
/// A part that every output taking it will copy from its last published file is left in the
/// build cache: it carries its digest and length, and reads its bytes only if asked.
package struct FormatPart: Sendable {
    private enum Bytes: Sendable {
        case held(Data)
        case leftInCache(CachedPlace)
        /// What an index says of a part, to ask whether its bytes are needed: none to read.
        case described
    }

    /// Where a part left in a cache lies there. The archive is held unowned and unretained:
    /// a cron build at 10,000 postings leaves some 36,000 parts in the cache and copies each
    /// a few times, on both cores; a closure per part that read it back was allocated, and
    /// retained with the archive and the part's key on every copy. A build's parts never
    /// outlive its cache, which the build's context holds to its end; debug builds (the
    /// tests) check that whenever a part is read back.
    package struct CachedPlace: @unchecked Sendable {
        private unowned(unsafe) let unretained: any PartArchive
        package let offset: UInt64
        #if DEBUG
        private weak var alive: (any PartArchive)?
        #endif

        package init(archive: any PartArchive, offset: UInt64) {
            unretained = archive
            self.offset = offset
            #if DEBUG
            alive = archive
            #endif
        }

        package var archive: any PartArchive {
            #if DEBUG
            precondition(alive != nil, "a part left in the build cache outlived the cache")
            #endif
            return unretained
        }
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

    /// A cached part not read back: its bytes are read (and checked) from `place` if an
    /// output needs them after all.
    package init(leftInCache digest: UInt64, length: Int, source: UInt64, place: CachedPlace) {
        bytes = .leftInCache(place)
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

    /// Its bytes; nil for a part left in the cache that no longer reads back intact.
    package func data() -> Data? {
        switch bytes {
        case let .held(data): data
        case let .leftInCache(place): place.archive.bytes(at: place.offset, length: length, digest: digest ?? 0, source: source ?? 0)
        case .described: nil
        }
    }

    package var isLeftInCache: Bool {
        if case .leftInCache = bytes { true } else { false }
    }
}
