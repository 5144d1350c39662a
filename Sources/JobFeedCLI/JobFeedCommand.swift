import ArgumentParser
import JobFeed
import JobFeedSystem

@available(macOS 10.15, macCatalyst 13, iOS 13, tvOS 13, watchOS 6, *)
public struct JobFeedCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "jobfeed",
        abstract: "Publish job postings as RSS and Atom feeds, schema.org JobPosting JSON-LD and CSV.",
        version: Generator.version,
        subcommands: [BuildCommand.self, CheckCommand.self, WatchCommand.self, ReportCommand.self, InitCommand.self],
        defaultSubcommand: BuildCommand.self)

    public init() {}

    /// What a jobfeed process sets before anything else: how its allocator grows its heaps.
    public static func setUpProcess() {
        HeapGrowth.growInLargeSteps()
    }

    /// What to say instead of parsing, for `-V` and a mistyped subcommand (`jobfeed biuld`):
    /// the version, or the nearest subcommand and the list of them; nil to parse as usual.
    public static func preamble(_ arguments: [String]) -> (text: String, status: Int32)? {
        guard let first = arguments.first else { return nil }
        if first == "-V" { return (Generator.version, 0) }
        guard !first.hasPrefix("-") else { return nil }
        let names = configuration.subcommands.compactMap { $0.configuration.commandName }
        guard !names.contains(first) && first != "help" else { return nil }
        let hint = Suggestion.nearest(to: first, in: names).map { " did you mean '\($0)'?" } ?? ""
        return ("error: unknown command '\(first)';\(hint)\ncommands: \(names.joined(separator: ", ")) (jobfeed help COMMAND)", ExitCode.validationFailure.rawValue)
    }
}
