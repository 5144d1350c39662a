/// A TOML document's values as read, each with where it was written, so that a diagnostic
/// about a value in TOML front matter names its line and column in the file.
package indirect enum TOMLValue: Equatable, Sendable {
    case string(String)
    /// In decimal, without a sign for positive numbers or underscores (`0xff` is `255`).
    case integer(String)
    /// As written, without underscores (`6.02e23`, `inf`, `-nan`).
    case float(String)
    case boolean(Bool)
    /// Offset or local date-time, local date or local time, as written (`1979-05-27 07:32:00Z`).
    case dateTime(String, DateTimeKind)
    case array([TOMLNode])
    case table([TOMLEntry])

    package enum DateTimeKind: String, Equatable, Sendable {
        case offsetDateTime = "datetime"
        case localDateTime = "datetime-local"
        case localDate = "date-local"
        case localTime = "time-local"
    }
}

/// A value and where it starts.
package struct TOMLNode: Equatable, Sendable {
    package var value: TOMLValue
    package var position: TOMLPosition
}

/// One key of a table, in the order the document gives it.
package struct TOMLEntry: Equatable, Sendable {
    package var key: String
    package var keyPosition: TOMLPosition
    package var node: TOMLNode
}

/// A 1-based line, and a 1-based column counted in Unicode scalars (as Yams counts them).
package struct TOMLPosition: Equatable, Sendable {
    package var line: Int
    package var column: Int

    package init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

/// Why a TOML document cannot be read, and where.
package struct TOMLError: Error, Equatable, Sendable {
    package var message: String
    package var position: TOMLPosition

    package init(message: String, position: TOMLPosition) {
        self.message = message
        self.position = position
    }
}
