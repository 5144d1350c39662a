import JobFeedCore

/// Reads the part of TOML that site generators' configs use (`hugo.toml`, `config.toml`):
/// `[table]` and `[a.b]` headers, and `key = value` lines whose value is a string, a number, a
/// boolean or a one-line array of those. Anything else (multi-line strings and arrays, inline
/// tables) is skipped: `jobfeed init` needs a site's base URL, languages, titles and folders,
/// not all of TOML. (TOMLKit, the TOML package available to this project, depends on a package
/// that cannot be fetched here.)
package enum SiteConfigTOML {
    /// Every value by its dotted path (`languages.fr.title`), as text or a list of texts.
    package static func values(_ text: String) -> [String: SiteConfigValue] {
        var values: [String: SiteConfigValue] = [:]
        var table = ""
        for rawLine in text.split(whereSeparator: \.isNewline) {
            let line = withoutComment(String(rawLine)).trimmed
            guard !line.isEmpty else { continue }
            if line.hasPrefix("[") {
                table = line.trimmingCharacters(in: .init(charactersIn: "[] ")).split(separator: ".").map { unquote($0.trimmed) }.joined(separator: ".")
                continue
            }
            guard let equals = line.firstIndex(of: "=") else { continue }
            let key = unquote(line[..<equals].trimmed)
            let value = line[line.index(after: equals)...].trimmed
            let path = table.isEmpty ? key : table + "." + key
            if value.hasPrefix("["), value.hasSuffix("]") {
                values[path] = .list(value.dropFirst().dropLast().split(separator: ",").map { unquote($0.trimmed) }.filter { !$0.isEmpty })
            } else if !value.hasPrefix("{"), !value.hasPrefix("\"\"\""), !value.hasPrefix("'''") {
                values[path] = .text(unquote(value))
            }
        }
        return values
    }

    private static func withoutComment(_ line: String) -> String {
        var inString: Character?
        for index in line.indices {
            let character = line[index]
            if let quote = inString {
                if character == quote { inString = nil }
            } else if character == "\"" || character == "'" {
                inString = character
            } else if character == "#" {
                return String(line[..<index])
            }
        }
        return line
    }

    private static func unquote(_ text: String) -> String {
        guard text.count >= 2, let first = text.first, first == "\"" || first == "'", text.last == first else { return text }
        let inner = String(text.dropFirst().dropLast())
        return first == "\"" ? inner.replacingOccurrences(of: "\\\"", with: "\"").replacingOccurrences(of: "\\\\", with: "\\") : inner
    }
}

/// A value from a site generator's config.
package enum SiteConfigValue: Equatable {
    case text(String)
    case list([String])

    package var text: String? {
        if case let .text(text) = self { return text }
        return nil
    }
}
