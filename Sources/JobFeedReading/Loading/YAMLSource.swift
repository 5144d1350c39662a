import JobFeedCore
import Yams

/// A YAML document together with where it came from, so every node can name its file and line.
package struct YAMLSource: Sendable {
    /// The file name printed in diagnostics.
    package var file: String
    /// Lines before the YAML text in its file (1 for YAML front matter, after the opening `---`;
    /// 0 for JSON front matter and for config files).
    package var lineOffset: Int
    /// For YAML written from TOML front matter: where its lines came from.
    package var translated: TranslatedPositions?

    package init(file: String, lineOffset: Int, translated: TranslatedPositions? = nil) {
        self.file = file
        self.lineOffset = lineOffset
        self.translated = translated
    }

    package func location(of node: Node?) -> SourceLocation {
        guard let mark = node?.mark else { return SourceLocation(file: file, line: lineOffset > 0 ? lineOffset : nil) }
        if let original = translated?.original(line: mark.line, column: mark.column) {
            return SourceLocation(file: file, line: original.line + lineOffset, column: original.column)
        }
        return SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column)
    }

    /// Parses YAML text, turning Yams' errors into a diagnostic at the right line.
    package func compose(_ text: String) -> Result<Node?, DiagnosticError> {
        do {
            // Tags are never used (values are read as text and checked here), and the default
            // resolver runs regular expressions on every key the parser compares.
            return .success(try Self.compose(yaml: text, resolver: .basic))
        } catch let error as YamlError {
            return .failure(DiagnosticError(diagnostic(for: error)))
        } catch let found as AliasKeyGuard.Found {
            let location = SourceLocation(file: file, line: found.line + lineOffset, column: found.column)
            return .failure(DiagnosticError(.error("an alias (*name) cannot be a key; write the key out", at: location)))
        } catch {
            return .failure(DiagnosticError(.error("cannot read YAML: \(error)", at: SourceLocation(file: file))))
        }
    }

    /// Yams' `compose`, told the encoding: its default reads the whole process environment (for
    /// `YAMS_DEFAULT_ENCODING`, printing to standard output when that is set) on every call,
    /// which was 2% of a cold build. Every YAML jobfeed reads goes through here, after the
    /// check for aliased keys (`AliasKeyGuard`).
    package static func compose(yaml text: String, resolver: Resolver = .default) throws -> Node? {
        try AliasKeyGuard.check(text)
        return try Yams.compose(yaml: text, resolver, .default, .utf8)
    }

    private func diagnostic(for error: YamlError) -> Diagnostic {
        let fix = "fix the YAML syntax (quote values that contain ': ' or start with a special character)"
        switch error {
        case let .parser(_, problem, mark, _) where problem.hasPrefix("Maximum nesting level reached"):
            // libyaml's own words name the C function that sets the limit (MAX_NESTING_LEVEL,
            // 1,000 less the flow levels it has scanned ahead, in Yams' copy).
            return .error("invalid YAML: lists and mappings nested deeper than YAML's parser allows (about 1,000 levels); flatten them", at: at(mark))
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
            let .composer(context, problem, mark, _):
            let what = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
            return .error("invalid YAML: \(what); \(fix)", at: at(mark))
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return .error("duplicate key \(keys); keep one of them", at: at(context.mark))
        case let .reader(problem, offset, value, yaml):
            let location = offset.map { at(byteOffset: $0, in: yaml) } ?? SourceLocation(file: file)
            let character = String(format: "U+%04X", value)
            return .error("the front matter contains a character YAML does not allow (\(character): \(problem)); remove it, or write it as an escape inside double quotes", at: location)
        default:
            return .error("invalid YAML: \(error)", at: SourceLocation(file: file))
        }
    }

    private func at(byteOffset: Int, in yaml: String) -> SourceLocation {
        let before = yaml.utf8.prefix(byteOffset)
        let line = before.filter { $0 == 0x0A }.count + 1
        let column = String(decoding: before.reversed().prefix { $0 != 0x0A }.reversed(), as: UTF8.self).unicodeScalars.count + 1
        return SourceLocation(file: file, line: line + lineOffset, column: column)
    }

    private func at(_ mark: Mark) -> SourceLocation {
        SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column)
    }
}

extension Node {
    /// The scalar's text; nil for mappings and sequences.
    package var scalarText: String? {
        if case let .scalar(scalar) = self { return scalar.string }
        return nil
    }

    /// The scalar as a YAML 1.1 boolean (`true`, `yes`, `on`, and their opposites).
    package var boolValue: Bool? {
        switch scalarText?.lowercased() {
        case "true", "yes", "on", "y": return true
        case "false", "no", "off", "n": return false
        default: return nil
        }
    }

    /// A scalar or a sequence of scalars, as a list of strings; nil if any item is not a scalar.
    package var scalarList: [String]? {
        switch self {
        case let .scalar(scalar): return scalar.string.isEmpty ? [] : [scalar.string]
        case let .sequence(sequence):
            let items = sequence.compactMap(\.scalarText)
            return items.count == sequence.count ? items : nil
        default: return nil
        }
    }

    package var kindName: String {
        switch self {
        case .scalar: return "a single value"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }
}
