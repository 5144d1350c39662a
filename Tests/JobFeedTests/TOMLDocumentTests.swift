import Foundation
import Testing
import JobFeed

/// jobfeed's TOML reader (Hugo's `+++` front matter) against Python's `tomllib` on the same
/// files: each file in `Fixtures/TOML/valid` reads the same in both, and each in `invalid`
/// is refused by both.
@Suite struct TOMLDocumentTests {
    static let folder = Repository.root.appendingPathComponent("Tests/JobFeedTests/Fixtures/TOML")

    @Test func readsAsPythonsTomllibDoes() throws {
        var results: [[String: Any]] = []
        for expect in ["valid", "invalid"] {
            let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.appendingPathComponent(expect).path).sorted()
            #expect(files.count > 10)
            for name in files {
                let path = Self.folder.appendingPathComponent(expect).appendingPathComponent(name).path
                var result: [String: Any] = ["file": path, "expect": expect]
                let text = try String(contentsOfFile: path, encoding: .utf8)
                do {
                    result["result"] = Self.tagged(.table(try TOMLDocument.parse(text)))
                } catch {
                    result["error"] = "\(error.position.line):\(error.position.column): \(error.message)"
                }
                #expect((result["error"] == nil) == (expect == "valid"), "\(name): \(result["error"] ?? "read")")
                results.append(result)
            }
        }
        let report = FileManager.default.temporaryDirectory.appendingPathComponent("toml-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: report) }
        try JSONSerialization.data(withJSONObject: results).write(to: report)
        let (status, output) = try Self.python([Repository.root.appendingPathComponent("Tests/consumers/toml_agrees.py").path, report.path])
        #expect(status == 0, "\(output)")
    }

    /// Where each part of the YAML came from: a key's line and column, and its value's.
    @Test func translatedYAMLKeepsTheTOMLsPositions() throws {
        let toml = "title = 'A'\n\n[location]\n  city   =   \"Ottawa\"\ntags = [\n  'x',\n]\n"
        let (yaml, positions) = TOMLDocument.yaml(try TOMLDocument.parse(toml))
        #expect(yaml == "\"title\": \"A\"\n\"location\":\n  \"city\": \"Ottawa\"\n  \"tags\":\n    - \"x\"\n")
        #expect(positions.original(line: 1, column: 1) == TOMLPosition(line: 1, column: 1))
        #expect(positions.original(line: 1, column: 10) == TOMLPosition(line: 1, column: 9))
        #expect(positions.original(line: 3, column: 3) == TOMLPosition(line: 4, column: 3))
        #expect(positions.original(line: 3, column: 11) == TOMLPosition(line: 4, column: 14))
        #expect(positions.original(line: 5, column: 7) == TOMLPosition(line: 6, column: 3))
    }

    /// Strings come back as the text they hold, whatever YAML would make of it unquoted.
    @Test(arguments: ["yes", "null", "~", "", "2024", "a: b", "# not a comment", "\u{0}\u{7}\u{85}\u{2028}\u{FEFF}\u{FFFF}", "\"\\", "- item", "😀"])
    func stringsSurviveTheTranslation(text: String) throws {
        let escaped = text.unicodeScalars.map { String(format: "\\U%08X", $0.value) }.joined()
        let (yaml, _) = TOMLDocument.yaml(try TOMLDocument.parse("key = \"\(escaped)\"\n"))
        let node = try #require(try YAMLSource.compose(yaml: yaml))
        #expect(node.mapping?.first?.value.scalarText == text)
        #expect(node.mapping?.first?.value.isNull == false)
    }

    static func tagged(_ value: TOMLValue) -> Any {
        switch value {
        case let .table(entries): ["table": entries.map { [$0.key, tagged($0.node.value)] }]
        case let .array(items): items.map { tagged($0.value) }
        case let .string(text): ["type": "string", "value": text]
        case let .integer(text): ["type": "integer", "value": text]
        case let .float(text): ["type": "float", "value": text]
        case let .boolean(flag): ["type": "bool", "value": flag ? "true" : "false"]
        case let .dateTime(text, kind): ["type": kind.rawValue, "value": text]
        }
    }

    static func python(_ arguments: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }
}
