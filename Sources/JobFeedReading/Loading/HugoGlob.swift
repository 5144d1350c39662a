/// A glob as Hugo matches a cascade's `_target` with it (the gobwas/glob syntax): `*` any run
/// of characters but the separator, `**` any run at all, `?` one character but the separator,
/// `[abc]`, `[!a-z]` one of (or none of) a set, `{a,b}` either pattern, `\` the next character
/// as itself. Paths are matched with `/` as the separator; kinds, languages and environments
/// with none.
struct HugoGlob: Sendable, Equatable {
    private enum Token: Equatable {
        case character(Character)
        case anyRun, anyRunAcrossSeparators, anyOne
        case set([ClosedRange<Character>], negated: Bool)
    }

    /// Each alternative the braces spell out, as tokens.
    private let alternatives: [[Token]]
    private let separator: Character?

    /// Nil when the pattern is malformed (an unclosed `[` or `{`).
    init?(_ pattern: String, separator: Character? = nil) {
        guard let expanded = Self.expandBraces(Array(pattern)) else { return nil }
        var alternatives: [[Token]] = []
        for alternative in expanded {
            guard let tokens = Self.tokens(alternative) else { return nil }
            alternatives.append(tokens)
        }
        self.alternatives = alternatives
        self.separator = separator
    }

    func matches(_ text: String) -> Bool {
        let characters = Array(text)
        return alternatives.contains { match($0[...], characters[...]) }
    }

    private func match(_ tokens: ArraySlice<Token>, _ text: ArraySlice<Character>) -> Bool {
        guard let token = tokens.first else { return text.isEmpty }
        let rest = tokens.dropFirst()
        switch token {
        case .anyRunAcrossSeparators:
            return text.indices.contains { match(rest, text[$0...]) } || match(rest, text[text.endIndex...])
        case .anyRun:
            var tail = text
            while true {
                if match(rest, tail) { return true }
                guard let first = tail.first, first != separator else { return false }
                tail = tail.dropFirst()
            }
        case .anyOne:
            guard let first = text.first, first != separator else { return false }
            return match(rest, text.dropFirst())
        case let .character(character):
            return text.first == character && match(rest, text.dropFirst())
        case let .set(ranges, negated):
            guard let first = text.first, first != separator, ranges.contains(where: { $0.contains(first) }) != negated else { return false }
            return match(rest, text.dropFirst())
        }
    }

    private static func tokens(_ pattern: [Character]) -> [Token]? {
        var tokens: [Token] = []
        var index = 0
        while index < pattern.count {
            let character = pattern[index]
            index += 1
            switch character {
            case "*":
                if index < pattern.count, pattern[index] == "*" {
                    index += 1
                    tokens.append(.anyRunAcrossSeparators)
                } else {
                    tokens.append(.anyRun)
                }
            case "?":
                tokens.append(.anyOne)
            case "\\":
                guard index < pattern.count else { return nil }
                tokens.append(.character(pattern[index]))
                index += 1
            case "[":
                guard let close = pattern[index...].firstIndex(of: "]") else { return nil }
                var members = Array(pattern[index..<close])
                index = close + 1
                let negated = members.first == "!" || members.first == "^"
                if negated { members.removeFirst() }
                var ranges: [ClosedRange<Character>] = []
                var member = 0
                while member < members.count {
                    if member + 2 < members.count, members[member + 1] == "-", members[member] <= members[member + 2] {
                        ranges.append(members[member]...members[member + 2])
                        member += 3
                    } else {
                        ranges.append(members[member]...members[member])
                        member += 1
                    }
                }
                tokens.append(.set(ranges, negated: negated))
            default:
                tokens.append(.character(character))
            }
        }
        return tokens
    }

    /// `a{b,c{d,e}}` as `ab`, `acd`, `ace`; nil for an unclosed brace.
    private static func expandBraces(_ pattern: [Character]) -> [[Character]]? {
        var depth = 0
        var open: Int?
        var commas: [Int] = []
        var index = 0
        while index < pattern.count {
            switch pattern[index] {
            case "\\": index += 1
            case "{":
                if depth == 0 { open = index }
                depth += 1
            case ",": if depth == 1 { commas.append(index) }
            case "}":
                guard depth > 0 else { break }
                depth -= 1
                if depth == 0, let open {
                    let prefix = Array(pattern[..<open])
                    guard let suffixes = expandBraces(Array(pattern[(index + 1)...])) else { return nil }
                    let bounds = [open] + commas + [index]
                    var expanded: [[Character]] = []
                    for (start, end) in zip(bounds, bounds.dropFirst()) {
                        guard let middles = expandBraces(Array(pattern[(start + 1)..<end])) else { return nil }
                        for middle in middles { for suffix in suffixes { expanded.append(prefix + middle + suffix) } }
                    }
                    return expanded
                }
            default: break
            }
            index += 1
        }
        return depth == 0 ? [pattern] : nil
    }
}
