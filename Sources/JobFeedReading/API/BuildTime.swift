import Foundation
import JobFeedCore

/// "Now" for a build: `--now`, else `SOURCE_DATE_EPOCH`, else the clock. Everything time-dependent
/// (which postings are active) is computed from this one value.
public enum BuildTime {
    /// Reproducible builds' convention for "now", in seconds since 1970.
    static let epochVariable = "SOURCE_DATE_EPOCH"

    public static func resolve(argument: String?, environment: [String: String], timeZone: TimeZone,
                               clock: () -> Date = Date.init) throws(BuildTimeError) -> Timestamp {
        if let argument {
            if argument.hasPrefix("@"), let seconds = Int64(argument.dropFirst()) { return Timestamp(seconds: seconds) }
            guard let parsed = DateParser(timeZone: timeZone).parse(argument) else { throw .invalidNow(argument) }
            return Timestamp(seconds: parsed.seconds)
        }
        if let epoch = environment[epochVariable] {
            guard let seconds = Int64(epoch.trimmed) else { throw .invalidEpoch(epoch) }
            return Timestamp(seconds: seconds)
        }
        return Timestamp(clock())
    }

    /// Whether `resolve` reads the clock (neither `--now` nor `SOURCE_DATE_EPOCH` given).
    public static func readsTheClock(argument: String?, environment: [String: String]) -> Bool {
        argument == nil && environment[epochVariable] == nil
    }
}

public enum BuildTimeError: Error, Sendable, CustomStringConvertible {
    case invalidNow(String)
    case invalidEpoch(String)

    public var description: String {
        switch self {
        case let .invalidNow(text): return "--now '\(text)' is not a date (\(DateParser.expectation), or @SECONDS)"
        case let .invalidEpoch(text): return "SOURCE_DATE_EPOCH '\(text)' is not a whole number of seconds"
        }
    }
}
