import Foundation
@_spi(Fuzzing) @testable import JobFeed
#if canImport(FoundationXML)
import FoundationXML
#endif

/// What must hold of a site's outputs whatever the postings contained: every XML file parses,
/// every JSON file parses and cannot close a `<script>`, the CSV is rectangular with no formula
/// cell, the published folders hold only documented outputs, and nothing was written outside
/// the output and state folders.
enum OutputInvariants {
    static let siteFiles: Set<String> = ["feeds", "exports", "postings", "jobfeed.yml", ".jobfeed"]

    /// Whether a path below `feeds/` or `exports/` is one of the outputs README documents.
    static func isDocumentedOutput(_ folder: String, _ path: String) -> Bool {
        // A large output's gzip twin, when `gzip: true`.
        if path.hasSuffix(".gz") && !path.hasPrefix("jsonld/") { return isDocumentedOutput(folder, String(path.dropLast(3))) }
        let parts = path.split(separator: "/")
        switch folder {
        case "feeds": return parts.count == 2 && ["rss.xml", "atom.xml", "feed.json"].contains(parts[1])
        default:
            return ["jobpostings.jsonld", "postings.csv", "sitemap.xml", "indeed.xml"].contains(path)
                || (parts.first == "jsonld" && parts.count >= 3 && path.hasSuffix(".jsonld"))
                || (parts.first == "sitemaps" && parts.count == 2 && path.hasSuffix(".xml"))
        }
    }

    static func violations(in root: URL, allowedTopLevel: Set<String> = siteFiles) -> [String] {
        var problems: [String] = []
        let top = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        for name in top where !allowedTopLevel.contains(name) {
            problems.append("unexpected file written: \(name)")
        }
        for folder in ["feeds", "exports"] {
            for path in OutputTree.files(below: root.appendingPathComponent(folder)).keys where !isDocumentedOutput(folder, path) {
                problems.append("\(folder)/\(path) is not a documented output")
            }
        }
        for (path, data) in OutputTree.files(below: root.appendingPathComponent("feeds")) {
            if path.hasSuffix(".json") {
                if (try? JSONSerialization.jsonObject(with: data)) == nil { problems.append("feeds/\(path) is not JSON") }
            } else if (try? XMLDocument(data: data)) == nil {
                problems.append("feeds/\(path) is not well-formed XML")
            }
        }
        for (path, data) in OutputTree.files(below: root.appendingPathComponent("exports")) {
            if path.hasSuffix(".jsonld") {
                if (try? JSONSerialization.jsonObject(with: data)) == nil { problems.append("exports/\(path) is not JSON") }
                if data.contains(UInt8(ascii: "<")) { problems.append("exports/\(path) holds a raw '<'") }
            } else if path.hasSuffix(".csv") {
                problems += FuzzHarness.csvViolations(String(decoding: data, as: UTF8.self)).map { "exports/\(path): \($0)" }
            }
        }
        return problems
    }
}
