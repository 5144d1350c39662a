import JobFeed

/// The lines `build` prints: counts per language, then what happened to the files, as
/// numbers; each file by name only when asked (`--verbose`), since a large site writes
/// thousands.
struct BuildSummary {
    let report: BuildReport
    let languages: [LanguageConfig]
    var listsFiles = false

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
        // Counts of a build that published nothing are not the site's: said before them.
        var lines = report.published ? [counts] : ["nothing was published (every output is as it was); this build read:", counts]
        let files = report.files
        lines.append("files: \(files.written.count) written, \(files.unchanged.count) unchanged, \(files.removed.count) removed")
        if listsFiles {
            for path in files.written { lines.append("  wrote \(path)") }
            for path in files.removed { lines.append("  removed \(path)") }
        }
        if let problems { lines.append(problems) }
        return lines.joined(separator: "\n")
    }

    /// How many errors and warnings, when there are any.
    var problems: String? {
        let errors = report.diagnostics.filter { $0.severity == .error }.count
        let warnings = report.diagnostics.count - errors
        return errors + warnings > 0 ? "\(errors) errors, \(warnings) warnings" : nil
    }
}
