import Foundation
import JobFeedCore
import JobFeedSystem

/// The build history in the state folder (`history.jsonl`): read whole, and replaced whole by a
/// rename, so a killed build leaves the old file or the new one. It is a few hundred kilobytes
/// at most (`BuildHistory.limit`).
package struct HistoryStore: Sendable {
    package let state: StateFolder

    package init(_ state: StateFolder) {
        self.state = state
    }

    /// The history, with a warning when lines were damaged (they are dropped).
    package func load() -> (history: BuildHistory, diagnostics: [Diagnostic]) {
        guard let data = FileManager.default.contents(atPath: state.history.path) else { return (BuildHistory(), []) }
        let (history, damaged) = BuildHistory.decode(data)
        guard damaged > 0 else { return (history, []) }
        let warning = Diagnostic.warning("\(damaged) damaged lines of the build history were ignored", at: SourceLocation(file: DisplayPath.of(state.history)))
        return (history, [warning])
    }

    /// Adds a build's point. History is for the report only: failing to keep it is a warning,
    /// and never fails a build that has already published.
    package func record(_ point: BuildHistory.Point) -> [Diagnostic] {
        var (history, diagnostics) = load()
        history.record(point)
        do {
            try OutputWriter.replace(state.history.path, with: history.encoded(), mode: StateFolder.fileMode)
        } catch {
            diagnostics.append(.warning("cannot keep the build history: \(error.reason)", at: SourceLocation(file: DisplayPath.of(state.history))))
        }
        return diagnostics
    }
}
