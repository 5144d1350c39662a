import Foundation

/// A posting file split into its YAML front matter and Markdown body.
struct FrontMatter: Sendable {
    var yaml: String
    var body: String
    /// The 1-based line of the file on which the body starts.
    var bodyStartLine: Int

    /// The front matter starts on line 2, after the opening `---`.
    static let yamlLineOffset = 1

    enum Failure: Error, Equatable {
        case empty
        case missing
        case unterminated
        case toml
    }

    /// Splits a file's text; tolerates a UTF-8 byte-order mark and CRLF line endings.
    static func split(_ text: String) -> Result<FrontMatter, Failure> {
        var text = Substring(text)
        if text.first == "\u{FEFF}" { text = text.dropFirst() }
        let normalized = text.utf8.contains(13) ? Substring(normalizeLineEndings(text)) : text
        if normalized.allSatisfy(\.isWhitespace) { return .failure(.empty) }
        let lines = normalized.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first else { return .failure(.empty) }
        if first.trimmingTrailingSpaces == "+++" { return .failure(.toml) }
        guard first.trimmingTrailingSpaces == "---" else { return .failure(.missing) }
        guard let closing = lines.dropFirst().firstIndex(where: { isClosingLine($0) }) else {
            return .failure(.unterminated)
        }
        let yaml = lines[1..<closing].joined(separator: "\n")
        let body = lines[(closing + 1)...].joined(separator: "\n")
        return .success(FrontMatter(yaml: yaml, body: body, bodyStartLine: closing + 2))
    }

    private static func isClosingLine(_ line: Substring) -> Bool {
        let trimmed = line.trimmingTrailingSpaces
        return trimmed == "---" || trimmed == "..."
    }

    private static func normalizeLineEndings(_ text: Substring) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }
}

extension Substring {
    var trimmingTrailingSpaces: Substring {
        var end = endIndex
        while end > startIndex, let last = self[..<end].last, last == " " || last == "\t" {
            end = index(before: end)
        }
        return self[..<end]
    }
}
