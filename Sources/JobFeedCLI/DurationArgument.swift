import ArgumentParser

/// A duration on the command line: `250ms`, `2s`, `15m`, `1h`.
public struct DurationArgument: ExpressibleByArgument, Sendable, CustomStringConvertible {
    public var duration: Duration
    public var description: String

    public init(_ duration: Duration, _ text: String) {
        self.duration = duration
        self.description = text
    }

    public init?(argument: String) {
        let units: [(suffix: String, milliseconds: Int64)] = [("ms", 1), ("s", 1000), ("m", 60_000), ("h", 3_600_000)]
        for (suffix, scale) in units where argument.hasSuffix(suffix) {
            guard let value = Double(argument.dropLast(suffix.count)), value >= 0, value.isFinite else { return nil }
            self.init(.milliseconds(Int64((value * Double(scale)).rounded())), argument)
            return
        }
        return nil
    }

    public static var defaultCompletionKind: CompletionKind { .default }
}
