import ArgumentParser
import Foundation
import JobFeed

/// `jobfeed check`: reads the config and every posting, renders in memory, writes nothing, and
/// reports every problem at once.
public struct CheckCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the config and every posting without writing anything.",
        discussion: "Exit status: 0 no errors (warnings allowed); 1 errors; 2 the configuration cannot be read; 64 usage error.")

    public enum Format: String, ExpressibleByArgument, CaseIterable, Sendable {
        case text
        case json
    }

    @OptionGroup public var site: SiteOptions

    @OptionGroup public var time: TimeOptions

    @Option(name: .long, help: "text (file:line:column: severity: message) or json (for CI tools).")
    public var format: Format = .text

    @OptionGroup public var progress: ProgressOptions

    public init() {}

    public func run() throws {
        var diagnostics: [Diagnostic]
        var failed: ExitCode = ExitStatus.postingErrors
        var summary: [String] = []
        do {
            let config = try site.loadConfig()
            var publisher = Publisher(config: config, now: try time.buildTime(config))
            let line = progress.line(quiet: format == .json)
            publisher.progress = line?.observer
            let checked = Result { () throws(DiagnosticError) in try publisher.check() }
            line?.clear()
            let report = try checked.get()
            diagnostics = report.diagnostics
            let counts = BuildSummary(report: report, languages: config.languages)
            let files = report.files
            summary = [counts.counts, "files a build would change (.gz twins aside): \(files.written.count) to write, \(files.unchanged.count) unchanged, \(files.removed.count) to remove"]
                + [counts.problems].compactMap { $0 }
            let size = publisher.stateFolderSize()
            summary.append("state folder \(config.stateDirectory.relativePath(from: site.workingFolder)): \(size.formatted(.byteCount(style: .file)))")
        } catch let error as DiagnosticError {
            diagnostics = error.diagnostics
            failed = ExitStatus.configurationError
        }
        switch format {
        case .text:
            Console.printDiagnostics(diagnostics)
            if !summary.isEmpty { Console.print(summary.joined(separator: "\n")) }
        case .json:
            Console.print(DiagnosticJSON.encode(diagnostics))
        }
        if diagnostics.contains(where: { $0.severity == .error }) { throw failed }
    }
}

/// Diagnostics as a JSON array of `{severity, file, line, column, message}` objects.
enum DiagnosticJSON {
    struct Entry: Encodable {
        var severity: String
        var file: String
        var line: Int?
        var column: Int?
        var message: String
    }

    static func encode(_ diagnostics: [Diagnostic]) -> String {
        let entries = diagnostics.map { Entry(severity: $0.severity.rawValue, file: $0.file, line: $0.line, column: $0.column, message: $0.message) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(entries)) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
