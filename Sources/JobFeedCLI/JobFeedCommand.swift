import ArgumentParser

public struct JobFeedCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "jobfeed",
        abstract: "Publish job postings as RSS and Atom feeds, schema.org JobPosting JSON-LD and CSV.",
        subcommands: [BuildCommand.self, CheckCommand.self],
        defaultSubcommand: BuildCommand.self)

    public init() {}
}
