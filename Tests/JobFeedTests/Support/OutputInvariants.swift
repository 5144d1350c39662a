import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// What must hold of a site's outputs whatever the postings contained: every XML file parses,
/// every JSON file parses and cannot close a `<script>`, the CSV is rectangular with no formula
/// cell, and nothing was written outside the output folders.
enum OutputInvariants {
    static let siteFiles: Set<String> = ["feeds", "exports", "postings", "jobfeed.yml"]

    static func violations(in root: URL, allowedTopLevel: Set<String> = siteFiles) -> [String] {
        var problems: [String] = []
        let top = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        for name in top where !allowedTopLevel.contains(name) {
            problems.append("unexpected file written: \(name)")
        }
        for (path, data) in OutputTree.files(below: root.appendingPathComponent("feeds")) {
            if (try? XMLDocument(data: data)) == nil { problems.append("feeds/\(path) is not well-formed XML") }
        }
        for (path, data) in OutputTree.files(below: root.appendingPathComponent("exports")) {
            if path.hasSuffix(".jsonld") {
                if (try? JSONSerialization.jsonObject(with: data)) == nil { problems.append("exports/\(path) is not JSON") }
                if data.contains(UInt8(ascii: "<")) { problems.append("exports/\(path) holds a raw '<'") }
            } else if path.hasSuffix(".csv") {
                problems += csvViolations(String(decoding: data, as: UTF8.self)).map { "exports/\(path): \($0)" }
            }
        }
        return problems
    }

    static func csvViolations(_ text: String) -> [String] {
        let rows = CSVReader.rows(text)
        var problems: [String] = []
        if Set(rows.map(\.count)).count > 1 { problems.append("rows of different lengths") }
        for cell in rows.joined() where cell.first.map({ "=+-@\t\r".contains($0) }) == true {
            problems.append("formula cell \(cell.prefix(20))")
        }
        return problems
    }
}

/// A strict RFC 4180 reader: quoted fields, doubled quotes, CRLF records.
enum CSVReader {
    static func rows(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var characters = Array(text.unicodeScalars)[...]
        while let scalar = characters.popFirst() {
            if quoted {
                if scalar == "\"" {
                    if characters.first == "\"" { field.unicodeScalars.append(characters.removeFirst()) } else { quoted = false }
                } else {
                    field.unicodeScalars.append(scalar)
                }
            } else if scalar == "\"" {
                quoted = true
            } else if scalar == "," {
                row.append(field)
                field = ""
            } else if scalar == "\r" && characters.first == "\n" {
                characters.removeFirst()
                row.append(field)
                rows.append(row)
                (row, field) = ([], "")
            } else {
                field.unicodeScalars.append(scalar)
            }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }
}
