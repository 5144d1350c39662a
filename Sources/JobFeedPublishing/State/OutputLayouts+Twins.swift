import Foundation
import JobFeedCore
import JobFeedSystem

/// Where each `.gz` twin's segments lie (see `GzipTwin`), beside the outputs' layouts: the
/// next build copies a segment whose parts did not change from the twin rather than compress
/// it again. As with a layout, the record names the twin's identity right after the build
/// published it, and is not used once anything has touched the twin.
extension OutputLayouts {
    private static let twinMagic: UInt64 = 0x4A46_475A_5457_494E  // "JFGZTWIN"

    /// The twin at `path`, open, and its segments by key; nil without a record of it as it is.
    package func previousTwin(of path: String) -> GzipTwin.Previous? {
        guard let (identity, segments) = readRecord(Self.twinMagic, of: path, Self.segments), let twin = Self.open(path, ifStill: identity) else { return nil }
        var byKey: [UInt64: GzipTwin.Segment] = [:]
        for segment in segments { if let key = segment.key { byKey[key] = segment } }
        return GzipTwin.Previous(file: twin, segments: byKey)
    }

    /// Records the segments of the twin at `path` as it is now (just published, or left as it
    /// was because its bytes did not change).
    package func saveTwin(_ segments: [GzipTwin.Segment], for path: String) {
        saveRecord(Self.twinMagic, of: path) { writer in
            writer.append(segments.count)
            for segment in segments {
                writer.append(segment.key) { $0.append($1) }
                writer.append(segment.plainLength)
                writer.append(UInt64(segment.crc))
                writer.append(segment.offset)
                writer.append(segment.length)
            }
        }
    }

    private static func segments(_ reader: inout ByteReader, size: Int) throws(ByteReader.Malformed) -> [GzipTwin.Segment]? {
        let count = try reader.int()
        guard count >= 0, count <= size / 32 else { return nil }
        var segments: [GzipTwin.Segment] = []
        segments.reserveCapacity(count)
        for _ in 0..<count {
            let key = try reader.optional { reader throws(ByteReader.Malformed) in try reader.uint64() }
            let plainLength = try reader.int()
            let crc = try reader.uint64()
            let offset = try reader.int64()
            let length = try reader.int()
            guard plainLength >= 0, length >= 0, offset >= 0, crc <= UInt64(UInt32.max) else { return nil }
            segments.append(GzipTwin.Segment(key: key, plainLength: plainLength, crc: UInt32(crc), offset: offset, length: length))
        }
        return segments
    }
}
