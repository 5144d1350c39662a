import Foundation
import JobFeedCore

/// Every output jobfeed writes, in one place, in the order their files are listed.
package enum OutputFormats {
    private static let all: [any OutputFormat.Type] = [
        FeedOutput<RSSRenderer>.self,
        FeedOutput<AtomRenderer>.self,
        JSONFeedFormat.self,
        JSONLDFormat.self,
        CSVFormat.self,
        SitemapFormat.self,
        IndeedFormat.self,
    ]

    /// The names a config's `outputs:` may list.
    package static var ids: [String] { all.map { $0.id } }

    package static func every(_ config: Config) -> [any OutputFormat] {
        all.map { $0.init(config: config) }
    }

    /// The format that writes the file at `path`; a `.gz` twin is its original's, when the
    /// site asks for twins.
    package static func writer(of path: String, config: Config) -> (any OutputFormat)? {
        if config.gzip, path.hasSuffix(".gz") { return writer(of: String(path.dropLast(3)), config: config) }
        return every(config).first { $0.writes(path, config: config) }
    }

    /// The problems with an output file, by the invariants of the format that wrote it; a file
    /// that no format writes is one.
    package static func violations(in bytes: Data, at path: String, config: Config) -> [String] {
        let name = path.lastName
        guard let format = writer(of: path, config: config) else { return ["\(name) is not a file any output format writes"] }
        if path.hasSuffix(".gz") { return [] }
        return format.violations(in: bytes).map { "\(name): \($0)" }
    }

    /// The formats a site turns on (`outputs:`; all by default).
    package static func enabled(_ config: Config) -> [any OutputFormat] {
        every(config).filter { config.outputs?.contains($0.id) ?? true }
    }

    /// The formats a site turns off.
    package static func disabled(_ config: Config) -> [any OutputFormat] {
        every(config).filter { !(config.outputs?.contains($0.id) ?? true) }
    }
}
