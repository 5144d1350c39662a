import Foundation
import JobFeedCore

/// A posting file split into its front matter and Markdown body. The front matter is YAML
/// between `---` lines, TOML between `+++` lines (Hugo's default), written here as the YAML
/// that reads as the same tree, or a JSON object (Hugo's third format), which YAML reads as
/// it is.
package struct FrontMatter: Sendable {
    package var yaml: String
    package var body: String
    /// The 1-based line of the file on which the body starts.
    package var bodyStartLine: Int
    /// The lines of the file before the front matter's text: 1 (the opening fence), or 0 for JSON.
    package var yamlLineOffset = 1
    /// For TOML, where each line of `yaml` came from.
    package var translated: TranslatedPositions?

    /// How the file wrote it: Hugo reads all three, Jekyll YAML alone.
    package enum Format: Sendable {
        case yaml, toml, json
    }

    package var format: Format {
        translated != nil ? .toml : yamlLineOffset == 0 ? .json : .yaml
    }

    package enum Failure: Error, Equatable {
        case empty
        case missing
        /// No closing fence (`---`, or `+++` for TOML).
        case unterminated(fence: String)
        case unclosedJSON
        /// TOML front matter that is not TOML; the position is in the TOML's text.
        case invalidTOML(TOMLError)
    }

    /// The YAML's source, for diagnostics at the file's lines.
    package func source(file: String) -> YAMLSource {
        YAMLSource(file: file, lineOffset: yamlLineOffset, translated: translated)
    }

    /// Splits a file's text; tolerates a UTF-8 byte-order mark and CRLF line endings.
    /// Scans UTF-8 bytes line by line up to the closing `---`, so a long body costs one copy.
    package static func split(_ text: String) -> Result<FrontMatter, Failure> {
        var text = text
        if text.containsUTF8Byte(where: { $0 == 13 }) {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        var bytes = Substring(text).utf8
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A }) { return .failure(.empty) }
        if bytes.first == UInt8(ascii: "{") { return splitJSON(bytes) }
        var lines = LineScanner(bytes)
        guard let first = lines.next() else { return .failure(.empty) }
        let isTOML = isFence(first, "+++")
        guard isTOML || isFence(first, "---") else { return .failure(.missing) }
        let start = lines.position
        var lineNumber = 1
        while let line = lines.next() {
            lineNumber += 1
            if isTOML ? isFence(line, "+++") : isFence(line, "---") || isFence(line, "...") {
                let body = String(Substring(bytes[lines.position...]))
                guard isTOML else {
                    // Less the line break before the fence, the one byte it is (`\r` is gone):
                    // `String.dropLast()` counted the text's characters to find it.
                    let end = line.startIndex > start ? bytes.index(before: line.startIndex) : start
                    return .success(FrontMatter(yaml: String(Substring(bytes[start..<end])), body: body, bodyStartLine: lineNumber + 1))
                }
                return translating(toml: String(Substring(bytes[start..<line.startIndex])), body: body, bodyStartLine: lineNumber + 1)
            }
        }
        return .failure(.unterminated(fence: isTOML ? "+++" : "---"))
    }

    private static func translating(toml: String, body: String, bodyStartLine: Int) -> Result<FrontMatter, Failure> {
        do {
            let (yaml, positions) = TOMLDocument.yaml(try TOMLDocument.parse(toml))
            return .success(FrontMatter(yaml: yaml, body: body, bodyStartLine: bodyStartLine, translated: positions))
        } catch {
            return .failure(.invalidTOML(error))
        }
    }

    /// A line that is exactly the fence, allowing trailing spaces and tabs.
    private static func isFence(_ line: Substring.UTF8View.SubSequence, _ fence: String) -> Bool {
        var trimmed = line
        while let last = trimmed.last, last == 0x20 || last == 0x09 { trimmed = trimmed.dropLast() }
        return trimmed.elementsEqual(fence.utf8)
    }
}

/// Yields the lines of UTF-8 text without their newline, remembering where the next begins.
private struct LineScanner {
    package let bytes: Substring.UTF8View
    package var position: Substring.UTF8View.Index

    package init(_ bytes: Substring.UTF8View) {
        self.bytes = bytes
        self.position = bytes.startIndex
    }

    package mutating func next() -> Substring.UTF8View.SubSequence? {
        guard position < bytes.endIndex else { return nil }
        // Searched where the bytes lie, not index by index through the view.
        let rest = bytes[position...]
        let end = rest.withContiguousStorageIfAvailable { $0.firstIndex(of: 0x0A).map { rest.index(position, offsetBy: $0) } ?? bytes.endIndex }
            ?? rest.firstIndex(of: 0x0A) ?? bytes.endIndex
        let line = bytes[position..<end]
        position = end < bytes.endIndex ? bytes.index(after: end) : end
        return line
    }
}
