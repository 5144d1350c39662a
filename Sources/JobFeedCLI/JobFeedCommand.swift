import ArgumentParser

@available(macOS 10.15, macCatalyst 13, iOS 13, tvOS 13, watchOS 6, *)
public struct JobFeedCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "jobfeed",
        abstract: "Publish job postings as RSS and Atom feeds, schema.org JobPosting JSON-LD and CSV.",
        subcommands: [BuildCommand.self, CheckCommand.self, WatchCommand.self, InitCommand.self],
        defaultSubcommand: BuildCommand.self)

    public init() {}
}
