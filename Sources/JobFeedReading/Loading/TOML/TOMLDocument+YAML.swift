/// Where each part of YAML written from another document came from, so that diagnostics
/// about the YAML's nodes name the original's lines and columns.
package struct TranslatedPositions: Sendable, Equatable {
    struct Segment: Sendable, Equatable {
        var column: Int
        var original: TOMLPosition
    }

    /// For each line of the YAML, where its parts start and the position each came from.
    var lines: [[Segment]] = []

    /// The original position of what starts at or before this YAML line and column.
    package func original(line: Int, column: Int) -> TOMLPosition? {
        guard lines.indices.contains(line - 1) else { return nil }
        return lines[line - 1].last { $0.column <= column }?.original ?? lines[line - 1].first?.original
    }
}

extension TOMLDocument {
    /// The document as block YAML that reads as the same tree: keys and strings in double
    /// quotes with escapes, numbers, booleans and dates plain, as YAML front matter writes
    /// them; one key or array item per line, each line's parts mapped to the TOML's.
    package static func yaml(_ entries: [TOMLEntry]) -> (text: String, positions: TranslatedPositions) {
        var writer = YAMLWriter()
        writer.write(entries, indent: 0)
        return (writer.text, writer.positions)
    }

    private struct YAMLWriter {
        var text = ""
        var positions = TranslatedPositions()
        private var line = ""
        private var segments: [TranslatedPositions.Segment] = []

        mutating func write(_ entries: [TOMLEntry], indent: Int) {
            for entry in entries {
                append(String(repeating: " ", count: indent), from: nil)
                append(Self.quoted(entry.key) + ":", from: entry.keyPosition)
                write(entry.node, indent: indent)
            }
        }

        /// A value after its key or dash: on the same line when it is a scalar or empty,
        /// below it, indented, when it has children.
        private mutating func write(_ node: TOMLNode, indent: Int) {
            switch node.value {
            case let .table(entries) where !entries.isEmpty:
                endLine()
                write(entries, indent: indent + 2)
            case let .array(items) where !items.isEmpty:
                endLine()
                for item in items {
                    append(String(repeating: " ", count: indent + 2), from: nil)
                    append("-", from: item.position)
                    write(item, indent: indent + 2)
                }
            default:
                append(" " + Self.scalar(node.value), from: node.position)
                endLine()
            }
        }

        private mutating func append(_ part: String, from position: TOMLPosition?) {
            if let position {
                // The part's first character; a leading space is the separator before it.
                let column = line.unicodeScalars.count + (part.hasPrefix(" ") ? 2 : 1)
                segments.append(.init(column: column, original: position))
            }
            line += part
        }

        private mutating func endLine() {
            text += line + "\n"
            positions.lines.append(segments)
            line = ""
            segments = []
        }

        private static func scalar(_ value: TOMLValue) -> String {
            switch value {
            case let .string(text): quoted(text)
            case let .integer(text), let .float(text), let .dateTime(text, _): text
            case let .boolean(flag): flag ? "true" : "false"
            case .table: "{}"
            case .array: "[]"
            }
        }

        /// A YAML double-quoted scalar; whatever YAML does not allow as it is, escaped.
        static func quoted(_ text: String) -> String {
            var result = "\""
            for scalar in text.unicodeScalars {
                switch scalar.value {
                case 0x22: result += "\\\""
                case 0x5C: result += "\\\\"
                case 0x0A: result += "\\n"
                case 0x09: result += "\\t"
                case 0x2028, 0x2029: result += "\\u" + hex(scalar.value, digits: 4)  // line breaks to YAML
                case 0x20...0x7E, 0xA0...0xD7FF, 0xE000...0xFEFE, 0xFF00...0xFFFD, 0x10000...0x10FFFF:
                    result.unicodeScalars.append(scalar)
                default:
                    result += scalar.value > 0xFFFF ? "\\U" + hex(scalar.value, digits: 8) : "\\u" + hex(scalar.value, digits: 4)
                }
            }
            return result + "\""
        }

        private static func hex(_ value: UInt32, digits: Int) -> String {
            let text = String(value, radix: 16, uppercase: true)
            return String(repeating: "0", count: max(0, digits - text.count)) + text
        }
    }
}
