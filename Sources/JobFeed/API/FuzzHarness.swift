import Foundation
internal import CLibXML2

/// Runs one arbitrary byte string through the whole pipeline as a posting file, renders every
/// output in memory, and traps when an invariant breaks: the libFuzzer target and the
/// regression tests over its findings both call this.
@_spi(Fuzzing)
public enum FuzzHarness {
    static let config: Config = {
        let text = """
            baseURL: https://jobs.example.org/
            languages:
              - {code: en, locale: en-CA, title: Jobs, description: Jobs.}
              - {code: fr, locale: fr-CA, title: Emplois, description: Emplois.}
            organization: {name: {en: Example, fr: Exemple}, url: https://example.org/}
            defaults: {remote: true, applicantCountries: [CA], employmentType: FULL_TIME}
            limits: {maxFileBytes: 1000000}
            """
        // A fixed, valid config: a failure here is a bug in jobfeed, not in the input.
        return try! Config.parse(text, file: "fuzz.yml", folder: URL(fileURLWithPath: "/nonexistent"))
    }()

    /// Returns the problems found; empty when every invariant holds.
    public static func violations(for data: Data) -> [String] {
        let file = PostingFile(url: URL(fileURLWithPath: "/nonexistent/en/fuzz.md"),
                               path: PostingPath(relativePath: "en/fuzz.md", languages: ["en", "fr"]), displayPath: "fuzz.md")
        let parser = PostingParser(config: config, fallbackDates: FallbackDates(root: URL(fileURLWithPath: "/nonexistent"), consultGit: false))
        let outcome = parser.parse(file, data: data)
        if outcome.posting == nil && !outcome.diagnostics.contains(where: { $0.severity == .error }) {
            return ["a posting was dropped without an error"]
        }
        guard let posting = outcome.posting else { return [] }
        let plan: OutputPlan
        do {
            plan = try Publisher(config: config, now: Timestamp(seconds: 4_000_000_000)).render([posting])
        } catch {
            return ["rendering failed: \(error)"]
        }
        return plan.files.flatMap { url, bytes in violations(in: bytes, named: url.lastPathComponent) }
    }

    static func violations(in bytes: Data, named name: String) -> [String] {
        if name.hasSuffix(".xml") {
            let parsed = bytes.withUnsafeBytes { raw in
                xmlReadMemory(raw.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(raw.count), nil, "UTF-8",
                              Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue))
            }
            defer { xmlFreeDoc(parsed) }
            return parsed == nil ? ["\(name) is not well-formed XML"] : []
        }
        if name.hasSuffix(".jsonld") {
            var problems: [String] = []
            if (try? JSONSerialization.jsonObject(with: bytes)) == nil { problems.append("\(name) is not JSON") }
            if bytes.contains(UInt8(ascii: "<")) { problems.append("\(name) holds a raw '<'") }
            return problems
        }
        if name.hasSuffix(".json") {
            return (try? JSONSerialization.jsonObject(with: bytes)) == nil ? ["\(name) is not JSON"] : []
        }
        if name.hasSuffix(".csv") {
            return csvViolations(String(decoding: bytes, as: UTF8.self)).map { "\(name): \($0)" }
        }
        return []
    }

    /// Every record has the header's width and no cell starts like a formula. Reads Unicode
    /// scalars, as spreadsheets and CSV libraries do: read as Swift `Character`s, a comma
    /// followed by a combining mark is one grapheme and the comma would go unseen.
    static func csvViolations(_ text: String) -> [String] {
        var widths = Set<Int>()
        var problems: [String] = []
        var cells = 0
        var cell = String.UnicodeScalarView()
        var quoted = false
        var previous: Unicode.Scalar?
        func endCell() {
            if let first = cell.first, CSVCell.formulaStarts.contains(first) { problems.append("formula cell") }
            cells += 1
            cell = String.UnicodeScalarView()
        }
        for scalar in text.unicodeScalars {
            if quoted {
                if scalar == "\"" { quoted = false } else { cell.append(scalar) }
            } else if scalar == "\"" {
                if previous == "\"" { cell.append("\"") }
                quoted = true
            } else if scalar == "," {
                endCell()
            } else if scalar == "\n" && previous == "\r" {
                endCell()
                widths.insert(cells)
                cells = 0
            } else if scalar != "\r" {
                cell.append(scalar)
            }
            previous = scalar
        }
        if quoted { problems.append("unterminated quoted cell") }
        if widths.count > 1 { problems.append("records of different widths \(widths.sorted())") }
        return problems
    }
}
