import ArgumentParser
@testable import JobFeedCLI

/// Runs the command line as the shell would, through the parser, and returns the exit status.
enum CommandRunner {
    static func exitCode(_ arguments: [String]) -> Int32 {
        do {
            var command = try JobFeedCommand.parseAsRoot(arguments)
            try command.run()
            return 0
        } catch {
            return JobFeedCommand.exitCode(for: error).rawValue
        }
    }
}
