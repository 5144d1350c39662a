import Foundation
import JobFeed

/// What must hold of a site's outputs whatever the postings contained: every file below the
/// published folders is one that an output format writes, and holds that format's invariants
/// (XML parses, JSON parses and cannot close a `<script>`, the CSV is rectangular with no
/// formula cell); and nothing was written outside the output and state folders.
enum OutputInvariants {
    static let siteFiles: Set<String> = ["feeds", "exports", "postings", "jobfeed.yml", ".jobfeed"]

    static func violations(of site: TemporarySite, allowedTopLevel: Set<String> = siteFiles) throws -> [String] {
        let config = try site.config()
        var problems: [String] = []
        let top = (try? FileManager.default.contentsOfDirectory(atPath: site.root.path)) ?? []
        for name in top where !allowedTopLevel.contains(name) {
            problems.append("unexpected file written: \(name)")
        }
        for folder in [config.feedsDirectory, config.exportsDirectory] {
            for (path, data) in OutputTree.files(below: folder).sorted(by: { $0.key < $1.key }) {
                let absolute = folder.appendingPathComponent(path).standardizedFileURL.path
                problems += OutputFormats.violations(in: data, at: absolute, config: config).map { "\(folder.lastPathComponent)/\(path): \($0)" }
            }
        }
        return problems
    }
}
