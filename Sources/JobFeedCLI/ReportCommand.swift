import ArgumentParser
import Foundation
import JobFeed

/// `jobfeed report`: one HTML page saying where the site stands, for an operator.
public struct ReportCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a status page: counts, jobs closing soon, postings Google would find incomplete, problems, open jobs over time.",
        discussion: "One self-contained HTML file (no script, no network). It writes nothing else. Exit status: 0 written (the page shows any posting errors); 2 the configuration cannot be read or the page cannot be written; 64 usage error.")

    @OptionGroup public var site: SiteOptions

    @OptionGroup public var time: TimeOptions

    @Option(name: .long, help: "Where to write the page (default: report.html in the state folder). Not inside a published folder.")
    public var output: String?

    public init() {}

    public func validate() throws {
        if output?.isEmpty == true { throw ValidationError("--output needs a path") }
    }

    public func run() throws {
        do {
            let config = try site.loadConfig()
            let publisher = Publisher(config: config, now: try time.buildTime(config))
            let file = output.map { URL(fileURLWithPath: $0, relativeTo: site.workingFolder).standardizedFileURL } ?? publisher.defaultStatusPage
            let status = try publisher.statusReport()
            try publisher.writeStatusPage(status, to: file)
            Console.print("wrote \(file.relativePath(from: site.workingFolder))")
        } catch let error as DiagnosticError {
            Console.printDiagnostics(error.diagnostics)
            throw ExitStatus.configurationError
        }
    }
}
