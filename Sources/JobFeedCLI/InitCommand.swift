import ArgumentParser
import Foundation
import JobFeed

/// `jobfeed init`: writes a `jobfeed.yml` for the site in the working folder, then checks it.
public struct InitCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a jobfeed.yml for an existing Hugo, Jekyll or plain Markdown site, then check it.",
        discussion: "Reads the site generator's config (hugo.toml, config.toml, hugo.yaml, _config.yml) and the postings' front matter, and writes the mapping it infers with a comment for each part. Never overwrites a file without --force. Exit status: 0 written (the check's findings are printed); 2 the file exists, or the written config does not load.")

    @Option(name: .long, help: "The postings folder (default: the site's jobs section, found from its layout).")
    public var postings: String?

    @Option(name: .customLong("base-url"), help: "The site's base URL (default: from the site generator's config).")
    public var baseURL: String?

    @Option(name: .long, help: "Where to write the config.")
    public var config: String = "jobfeed.yml"

    @Flag(name: .long, help: "Overwrite an existing config file.")
    public var force = false

    @Option(name: .long, help: "The moment to check for: YYYY-MM-DD, an RFC 3339 time, or @SECONDS (default: SOURCE_DATE_EPOCH, else the clock).")
    public var now: String?

    public init() {}

    public func validate() throws {
        if let baseURL, URL(string: baseURL)?.scheme?.hasPrefix("http") != true {
            throw ValidationError("--base-url must be an absolute http(s) URL")
        }
    }

    public func run() throws {
        let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        let target = URL(fileURLWithPath: config, relativeTo: root).standardizedFileURL
        if FileManager.default.fileExists(atPath: target.path) && !force {
            Console.printError("\(config): error: the file exists; run with --force to overwrite it")
            throw ExitStatus.configurationError
        }
        let result = SiteInit(root: target.deletingLastPathComponent(), postings: postings, baseURL: baseURL).run()
        for note in result.notes { Console.print("inferred: \(note)") }
        for question in result.questions { Console.print("question: \(question)") }
        do {
            try Data(result.configText.utf8).write(to: target)
        } catch {
            Console.printError("\(config): error: cannot write the file: \(error.localizedDescription)")
            throw ExitStatus.configurationError
        }
        Console.print("wrote \(config); checking it:")
        let checked = Result { () throws(DiagnosticError) in try check(target) }
        if case let .failure(error) = checked {
            Console.printDiagnostics(error.diagnostics)
            throw ExitStatus.configurationError
        }
    }

    /// Loads the written config and runs `check` with it, printing what it finds.
    private func check(_ target: URL) throws(DiagnosticError) {
        let loaded = try Config.load(from: target)
        let moment = (try? BuildTime.resolve(argument: now, environment: ProcessInfo.processInfo.environment, timeZone: loaded.timeZone)) ?? Timestamp(Date())
        let report = try Publisher(config: loaded, now: moment).check()
        Console.printDiagnostics(report.diagnostics)
        Console.print(BuildSummary(report: report, languages: loaded.languages).counts)
    }
}
