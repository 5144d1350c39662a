import JobFeed

/// The lines `build` prints: counts per language, then what happened to the files.
struct BuildSummary {
    let report: BuildReport
    let languages: [LanguageConfig]

    /// Counts per language and translation pairs.
    var counts: String {
        var lines: [String] = []
        for language in languages {
            let counts = [PostingStatus.active, .archived, .expired].map { "\(report.count($0, in: language.code)) \($0.rawValue)" }
            lines.append("\(language.code): " + counts.joined(separator: ", "))
        }
        lines.append("translation pairs: \(report.translationPairs)")
        return lines.joined(separator: "\n")
    }

    var text: String {
        var lines = [counts]
        let files = report.files
        lines.append("files: \(files.written.count) written, \(files.unchanged.count) unchanged, \(files.removed.count) removed")
        for path in files.written { lines.append("  wrote \(path)") }
        for path in files.removed { lines.append("  removed \(path)") }
        let errors = report.diagnostics.filter { $0.severity == .error }.count
        let warnings = report.diagnostics.count - errors
        if errors + warnings > 0 { lines.append("\(errors) errors, \(warnings) warnings") }
        return lines.joined(separator: "\n")
    }
}
