import ArgumentParser
import Foundation
import JobFeed
import Logging

/// `--log-format`: lines for people, or one JSON object per line for log collectors.
public enum LogFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case text
    case json
}

extension Logger.Level: @retroactive ExpressibleByArgument {}

/// Writes log records to standard error, as text or JSON lines.
struct LineLogHandler: LogHandler {
    let format: LogFormat
    var logLevel: Logger.Level
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        FileHandle.standardError.write(Data((line(for: event, at: Timestamp(Date())) + "\n").utf8))
    }

    /// The record as one line of text or JSON.
    func line(for event: LogEvent, at moment: Timestamp) -> String {
        let time = DateFormats.rfc3339(moment)
        let fields = metadata.merging(event.metadata ?? [:]) { $1 }
        let line: String
        switch format {
        case .text:
            line = "\(time) \(event.level) \(event.message)"
        case .json:
            var object: [String: Any] = ["time": time, "level": "\(event.level)", "message": "\(event.message)"]
            for (key, value) in fields {
                // Counts and durations are numbers for log collectors, not strings.
                if case let .stringConvertible(number as Int) = value { object[key] = number } else { object[key] = "\(value)" }
            }
            let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
            line = String(decoding: data, as: UTF8.self)
        }
        return line
    }
}
