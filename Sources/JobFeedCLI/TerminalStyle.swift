import Foundation
import JobFeed

/// Colour on a terminal, as compilers do: `error:` in bold red, `warning:` in bold magenta.
/// None when the stream is not a terminal, when `NO_COLOR` is set to anything (no-color.org),
/// or when `TERM` is `dumb`.
struct TerminalStyle: Sendable {
    let colours: Bool

    init(isTerminal: Bool, environment: [String: String]) {
        colours = isTerminal && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
    }

    /// The style for standard error in this process.
    static var standardError: TerminalStyle {
        TerminalStyle(isTerminal: isatty(STDERR_FILENO) == 1, environment: ProcessInfo.processInfo.environment)
    }

    func format(_ diagnostic: Diagnostic) -> String {
        guard colours else { return diagnostic.description }
        let colour = diagnostic.severity == .error ? "31" : "35"
        return "\u{1B}[1m\(diagnostic.location):\u{1B}[0m \u{1B}[1;\(colour)m\(diagnostic.severity.rawValue):\u{1B}[0m \(diagnostic.message)"
    }
}
