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

    /// `preamble` of the process's whole command line (`CommandLine.arguments`), which holds at
    /// least the program's name. Empty, the command asked for is unknown: with no arguments the
    /// parser would run `build`, which publishes, where `check` or `watch` may have been asked
    /// for (the Swift runtime gives an empty list under some `LD_PRELOAD` libraries: libfaketime
    /// 0.9.10 here). Refused, and nothing is done.
    public static func preamble(commandLine: [String]) -> (text: String, status: Int32)? {
        guard !commandLine.isEmpty else {
            return ("error: jobfeed was given no command line at all, not even its own name (a library loaded with LD_PRELOAD can do this); nothing was done", ExitCode.validationFailure.rawValue)
        }
        return preamble(Array(commandLine.dropFirst()))
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
