internal import CZlib
import Foundation
import JobFeedCore
import JobFeedSystem

/// Writes a file's gzip twin (`feed.xml.gz` beside `feed.xml`) for web servers that serve
/// precompressed files (nginx `gzip_static`): one gzip member with no name and no time, whose
/// deflate stream is made of segments compressed each on its own (as `pigz --independent`
/// makes them, each ended by a sync flush), then an empty last block.
///
/// A segment whose plain bytes are what a segment of the last twin held (the same parts, in the
/// same order, with the same bytes between them) is copied from that twin rather than compressed
/// again, and its CRC combined with the others': a cron build that changed one posting among
/// 10,000 compressed 300 MB again, 8 s, for a build that otherwise takes half a second.
///
/// Segments end after parts chosen by their bytes' digest (about one in 16), after the first
/// and after the last, so an added, removed or edited posting moves no other segment's ends; a
/// twin's bytes depend only on its file's bytes and parts (not on where the site lies), and a
/// build that copies segments writes what a cold build writes.
package enum GzipTwin {
    package static let level: Int32 = 6

    /// A segment as the twin holds it: where its compressed bytes lie, and what they hold.
    package struct Segment: Sendable, Equatable {
        /// What its plain bytes are, from the parts they hold; nil when not all of them are
        /// known that way (the file's head and tail): such a segment is compressed every time.
        package var key: UInt64?
        package var plainLength: Int
        package var crc: UInt32
        package var offset: Int64
        package var length: Int

        package init(key: UInt64?, plainLength: Int, crc: UInt32, offset: Int64, length: Int) {
            self.key = key
            self.plainLength = plainLength
            self.crc = crc
            self.offset = offset
            self.length = length
        }
    }

    /// The last twin, open, and its segments by key.
    package struct Previous {
        package let file: OpenFile
        package let segments: [UInt64: Segment]

        package init(file: OpenFile, segments: [UInt64: Segment]) {
            self.file = file
            self.segments = segments
        }
    }

    /// What `write` made: the twin's segments, and how many of them it copied.
    package struct Written {
        package var segments: [Segment] = []
        package var copied = 0
    }

    private static let header: [UInt8] = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3]
    /// The empty last block of a deflate stream (fixed Huffman codes, end of block at once).
    private static let lastBlock: [UInt8] = [0x03, 0x00]
    private static let segmentLimit: Int64 = 4 << 20

    /// Compresses `source`, whose parts lie at `spans`, into `destination`: into `spare`, when
    /// given, the file open there, written over and cut to size (see `SpareFile`).
    package static func write(_ source: String, spans: [PartSpan], to destination: String, over spare: OpenFile? = nil, previous: Previous?) throws(SystemError) -> Written {
        let input = try OpenFile(source, .readOnly, operation: "read")
        let output: OpenFile
        if let spare {
            output = spare
        } else {
            output = try OpenFile(destination, .writeOnly, options: [.create, .truncate], permissions: [.ownerReadWrite, .groupRead, .otherRead], operation: "write")
        }
        let size = try input.endOffset()
        let compressor = try GzipSegmentCompressor(path: source)
        var written = Written()
        var offset = Int64(header.count)
        var crc: UInt32 = 0
        // Segments copied one after another from one stretch of the last twin: one copy.
        var copying: Range<Int64>?
        func copy() throws(SystemError) {
            if let stretch = copying, let previous { try output.append(from: previous.file, offset: stretch.lowerBound, length: Int(stretch.count)) }
            copying = nil
        }
        try output.writeAll(Data(header))
        for planned in plan(size: size, spans: spans) {
            let segment: Segment
            if let key = planned.key, let previous, let old = previous.segments[key], Int64(old.plainLength) == planned.range.count {
                let stretch = old.offset..<old.offset + Int64(old.length)
                if copying?.upperBound != stretch.lowerBound { try copy() }
                copying = (copying?.lowerBound ?? stretch.lowerBound)..<stretch.upperBound
                segment = Segment(key: key, plainLength: old.plainLength, crc: old.crc, offset: offset, length: old.length)
                written.copied += 1
            } else {
                try copy()
                let (compressed, segmentCRC) = try compressor.compress(planned.range, of: input, primedFrom: planned.dictionary)
                try compressed.withUnsafeBytes { bytes in Result { () throws(SystemError) in try output.writeAll(bytes) } }.get()
                segment = Segment(key: planned.key, plainLength: Int(planned.range.count), crc: segmentCRC, offset: offset, length: compressed.count)
            }
            crc = UInt32(truncatingIfNeeded: crc32_combine(uLong(crc), uLong(segment.crc), off_t(segment.plainLength)))
            offset += Int64(segment.length)
            written.segments.append(segment)
        }
        try copy()
        var trailer = lastBlock
        for value in [crc, UInt32(truncatingIfNeeded: size)] {
            for shift in stride(from: 0, to: 32, by: 8) { trailer.append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
        }
        try output.writeAll(Data(trailer))
        if spare != nil { try output.truncate(to: offset + Int64(trailer.count)) }
        return written
    }

    /// A segment to write: its plain bytes, what they are (see `Segment.key`), and where the
    /// bytes before it that prime its compressor begin.
    package struct Planned: Equatable {
        package var range: Range<Int64>
        package var key: UInt64?
        package var dictionary: Int64?
    }

    /// The file's segments, from where its parts lie. A segment is known by its parts (their
    /// ids, digests and lengths) and the bytes between them (their digests and lengths), as far
    /// as the build cache trusts a part; and, as each is primed with the last 32 KB of the
    /// segment before it (as pigz primes its blocks: without, twins came out 2.5% larger), by
    /// that segment too, so that a changed segment is compressed again with the one after it.
    package static func plan(size: Int64, spans: [PartSpan]) -> [Planned] {
        var segments: [(range: Range<Int64>, own: UInt64?)] = []
        var start: Int64 = 0
        var hash = StableHash()
        var known = false
        var end: Int64?
        for (index, span) in spans.enumerated() {
            let partEnd = span.offset + Int64(span.length)
            // Parts out of order or past the end (never written so): the file as one segment.
            guard span.length >= 0, span.offset >= (end ?? 0), partEnd <= size else { return [Planned(range: 0..<size, key: nil, dictionary: nil)] }
            if let end, span.leadLength >= 0, Int64(span.leadLength) == span.offset - end {
                hash.add(span.lead)
                hash.add(UInt64(span.leadLength))
            } else {
                known = false
            }
            hash.add(span.source)
            hash.add(span.digest)
            hash.add(UInt64(span.length))
            end = partEnd
            if index == 0 || index == spans.count - 1 || span.digest % partsPerSegment == partsPerSegment - 1 || partEnd - start >= segmentLimit {
                segments.append((start..<partEnd, known ? hash.value : nil))
                (start, hash, known) = (partEnd, StableHash(), true)
            }
        }
        if start < size || segments.isEmpty { segments.append((start..<size, nil)) }
        // Every segment after the second primed, whatever the one before holds: the bytes depend
        // on the plain bytes and the segments' ends alone, never on what the parts say of them.
        // The second is not primed by the file's head (never known by its parts), so that it
        // too is copied when its parts are unchanged.
        return segments.indices.map { index in
            let (range, own) = segments[index]
            guard index > 1 else { return Planned(range: range, key: own, dictionary: nil) }
            var key: UInt64?
            if let own, let before = segments[index - 1].own {
                var hash = StableHash()
                hash.add(before)
                hash.add(own)
                key = hash.value
            }
            return Planned(range: range, key: key, dictionary: max(range.lowerBound - dictionarySize, segments[index - 1].range.lowerBound))
        }
    }

    private static let dictionarySize: Int64 = 32 << 10
    /// About how many parts a segment holds. An edit compresses its segment again, and the one
    /// after it (primed by it): at 10,000 postings, with one in 64, that was some 9 MB over the
    /// seven twins a cron build remakes, 215 ms of CPU.
    private static let partsPerSegment: UInt64 = 16
}
