import ArgumentParser
import Foundation
import JobFeed

/// `--now`, for the commands that build for a moment (`watch` follows the clock, and does not
/// take it).
public struct TimeOptions: ParsableArguments {
    @Option(name: .long, help: "The moment to build for: YYYY-MM-DD, an RFC 3339 time, or @SECONDS (default: SOURCE_DATE_EPOCH, else the clock).")
    public var now: String?

    public init() {}

    /// Whether the moment is the clock's: a build then checks the clock against the state
    /// folder (`Publisher.checksTheClock`).
    var readsTheClock: Bool {
        BuildTime.readsTheClock(argument: now, environment: ProcessInfo.processInfo.environment)
    }

    func buildTime(_ config: Config) throws -> Timestamp {
        do {
            return try BuildTime.resolve(argument: now, environment: ProcessInfo.processInfo.environment, timeZone: config.timeZone)
        } catch {
            throw ValidationError(error.description)
        }
    }
}
