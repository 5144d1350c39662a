import JobFeedCore
import Logging

/// One log line per rebuild: trigger, duration, counts per language, files written/unchanged;
/// the same facts as metadata for `--log-format json`.
package struct RebuildLog {
    package let logger: Logger

    package func record(_ rebuild: Rebuild, languages: [LanguageConfig]) {
        let report = rebuild.report
        // A rebuild stopped by shutdown published nothing; its diagnostics are partial.
        for diagnostic in report.diagnostics where report.withheld != .stopped {
            diagnostic.severity == .error ? logger.error("\(diagnostic)") : logger.warning("\(diagnostic)")
        }
        let counts = languages.map { language in
            "\(language.code): " + [PostingStatus.active, .archived, .expired].map { "\(report.count($0, in: language.code)) \($0.rawValue)" }.joined(separator: ", ")
        }
        let milliseconds = Double(rebuild.duration.components.seconds) * 1000 + Double(rebuild.duration.components.attoseconds) / 1e15
        let files = report.files
        var metadata: Logger.Metadata = [
            "trigger": "\(rebuild.trigger)",
            "duration_ms": .stringConvertible(Int(milliseconds.rounded())),
            "written": .stringConvertible(files.written.count), "unchanged": .stringConvertible(files.unchanged.count),
            "removed": .stringConvertible(files.removed.count),
            "errors": .stringConvertible(report.diagnostics.filter { $0.severity == .error }.count),
        ]
        for language in languages {
            metadata["active_\(language.code)"] = .stringConvertible(report.count(.active, in: language.code))
        }
        let steps = report.timings.map { "\($0.step) \($0.duration.formatted(.units(allowed: [.milliseconds], width: .abbreviated)))" }
        logger.debug("steps: \(steps.joined(separator: ", ")); bodies rendered: \(report.bodiesRendered); parts copied: \(report.partsCopied)")
        let stopped = switch report.withheld {
        case nil: ""
        case .stopped: " (stopped before writing)"
        case .superseded: " (a file changed after it was read; not published)"
        case .strict, .lastGoodVersionsBroken: " (nothing published: see the errors above)"
        }
        logger.info("rebuilt in \(Int(milliseconds.rounded())) ms\(stopped) [\(rebuild.trigger)] \(counts.joined(separator: "; ")); files: \(files.written.count) written, \(files.unchanged.count) unchanged, \(files.removed.count) removed", metadata: metadata)
    }

    package func failed(_ error: DiagnosticError) {
        for diagnostic in error.diagnostics { logger.error("\(diagnostic)") }
        logger.error("rebuild failed; the outputs are as they were")
    }
}
