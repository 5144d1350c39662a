import Foundation
import Synchronization
import Testing
@testable import JobFeedCLI
import JobFeed

/// The progress line: drawn only for a slow build, throttled, erased before the summary; and
/// seen on a terminal only.
@Suite struct ProgressTests {
    /// What the line wrote, and a clock the test sets.
    final class Screen: Sendable {
        let written = Mutex<[String]>([])
        let time = Mutex<Duration>(.zero)

        func line(after: Duration) -> ProgressLine {
            ProgressLine(after: after, interval: .milliseconds(100), elapsed: { self.time.withLock { $0 } },
                         write: { text in self.written.withLock { $0.append(text) } })
        }

        func at(_ milliseconds: Int64) { time.withLock { $0 = .milliseconds(milliseconds) } }
        var lines: [String] { written.withLock { $0 } }
    }

    @Test func aQuickBuildDrawsNothingAndASlowOneIsThrottled() {
        let screen = Screen()
        let line = screen.line(after: .milliseconds(500))
        screen.at(10)
        line.update(BuildProgress(.reading, done: 1, total: 100))
        line.clear()
        #expect(screen.lines.isEmpty)

        screen.at(600)
        line.update(BuildProgress(.reading, done: 50, total: 100))
        screen.at(650)
        line.update(BuildProgress(.reading, done: 60, total: 100))  // within 100 ms: not drawn
        line.update(BuildProgress(.reading, done: 100, total: 100))  // a stage's end: drawn
        screen.at(800)
        line.update(BuildProgress(.rendering, done: 10, total: 90))
        line.clear()
        #expect(screen.lines == ["\r\u{1B}[Kreading postings: 50/100", "\r\u{1B}[Kreading postings: 100/100",
                                 "\r\u{1B}[Krendering postings: 10/90", "\r\u{1B}[K"])
    }

    @Test func aTerminalSeesTheLineAndAPipeQuietOrNoColorDoNot() throws {
        let site = try TemporarySite(postings: ["en/a.md": TemporarySite.posting("title: A\ndate: 2026-01-01")])
        defer { site.remove() }
        let build = [JobFeedProcess.binary.path, "build", "--config", site.configURL.path, "--now", "2026-06-01", "--progress-after", "0s"]
        let onTerminal = try Self.runOnTerminal(build)
        #expect(onTerminal.contains("\r\u{1B}[Kreading postings: 1/1") && onTerminal.contains("\r\u{1B}[Kwriting files:"))
        // The line is erased before the summary, which starts on a clean line.
        #expect(onTerminal.contains("\r\u{1B}[Ken: 1 active"))
        #expect(try !Self.runOnTerminal(build + ["--quiet"]).contains("postings:"))
        #expect(try !Self.runOnTerminal(["env", "NO_COLOR=1"] + build).contains("postings:"))
        let piped = try JobFeedProcess.run(Array(build.dropFirst()))
        #expect(piped.status == 0 && !piped.standardError.contains("postings:"))
    }

    /// Runs a command with a pseudo-terminal as its standard output and error, through
    /// util-linux's `script`, and returns what the terminal showed.
    static func runOnTerminal(_ command: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        let quoted = command.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        process.arguments = ["--quiet", "--return", "--command", quoted, "/dev/null"]
        var environment = ProcessInfo.processInfo.environment
        environment["TERM"] = "xterm"
        environment["NO_COLOR"] = nil
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
