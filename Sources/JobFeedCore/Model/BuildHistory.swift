import Foundation

/// What the state folder remembers of past builds, for the status report's plot of open jobs:
/// one point per build that changed an output, oldest first, at most `limit` of them, so that
/// the file stays small however long a site runs.
public struct BuildHistory: Sendable, Hashable {
    public struct Point: Codable, Sendable, Hashable {
        /// The build's "now", in seconds since 1970.
        public var at: Int64
        /// Active postings per language code.
        public var active: [String: Int]

        public init(at: Int64, active: [String: Int]) {
            self.at = at
            self.active = active
        }
    }

    /// About ten years of daily changes.
    public static let limit = 4_000

    public private(set) var points: [Point]

    public init(points: [Point] = []) {
        self.points = Array(points.suffix(Self.limit))
    }

    /// A build's point. One at or before the last point's time (a build run with an earlier
    /// `--now`) replaces the points it precedes, so the line never runs backwards.
    public mutating func record(_ point: Point) {
        points.removeAll { $0.at >= point.at }
        points.append(point)
        if points.count > Self.limit { points.removeFirst(points.count - Self.limit) }
    }

    /// One JSON object per line; keys sorted, so the same history is the same bytes.
    public func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var data = Data()
        for point in points {
            guard let line = try? encoder.encode(point) else { continue }
            data.append(line)
            data.append(0x0A)
        }
        return data
    }

    /// Reads the lines back; a damaged line (a torn write, an edit by hand) is skipped and
    /// counted, never trusted.
    public static func decode(_ data: Data) -> (history: BuildHistory, damagedLines: Int) {
        let decoder = JSONDecoder()
        var points: [Point] = []
        var damaged = 0
        for line in data.split(separator: 0x0A) where !line.isEmpty {
            if let point = try? decoder.decode(Point.self, from: Data(line)) { points.append(point) } else { damaged += 1 }
        }
        return (BuildHistory(points: points.sorted { $0.at < $1.at }), damaged)
    }
}
