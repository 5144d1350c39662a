import Foundation
import JobFeed

/// Where the commands write: the summary to standard output, diagnostics to standard error.
enum Console {
    static func print(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static func printDiagnostics(_ diagnostics: [Diagnostic], style: TerminalStyle = .standardError) {
        guard !diagnostics.isEmpty else { return }
        let text = diagnostics.map(style.format).joined(separator: "\n") + "\n"
        FileHandle.standardError.write(Data(text.utf8))
    }
}
