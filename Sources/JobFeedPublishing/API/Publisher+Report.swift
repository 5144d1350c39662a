import Foundation
import JobFeedCore
import JobFeedRendering
import JobFeedSystem

extension Publisher {
    /// Where the site stands now: reads, checks and renders in memory as `check` does (writing
    /// nothing), and adds the build history the state folder keeps.
    public func statusReport() throws(DiagnosticError) -> StatusReport {
        status(of: try check())
    }

    /// The status a build's report shows, with the build history.
    public func status(of report: BuildReport) -> StatusReport {
        let (history, warnings) = HistoryStore(StateFolder(config)).load()
        var counts: [String: [PostingStatus: Int]] = [:]
        for (language, byStatus) in report.counts.byLanguage {
            for (status, count) in byStatus {
                if let status = PostingStatus(rawValue: status) { counts[language, default: [:]][status] = count }
            }
        }
        return StatusReport(now: now, languages: config.languages, counts: counts, translationPairs: report.translationPairs,
                            entries: report.catalog.entries, diagnostics: report.diagnostics + warnings, history: history)
    }

    /// Where `jobfeed report` writes by default: the state folder, which no web server serves,
    /// since the page names files and problems the public need not see.
    public var defaultStatusPage: URL { StateFolder(config).report }

    /// Writes the status page, replacing the file at once (a reader never sees half of it).
    /// A path inside a published folder is refused: those folders hold documented outputs only.
    public func writeStatusPage(_ status: StatusReport, to url: URL) throws(DiagnosticError) {
        let location = SourceLocation(file: DisplayPath.of(url))
        if StateFolder.overlaps(url, published: [config.feedsDirectory, config.exportsDirectory]) {
            throw DiagnosticError(.error("the report cannot go inside a published folder (feeds or exports); choose a path outside them", at: location))
        }
        let page: Data
        do {
            page = try StatusPage(report: status, config: config).render()
        } catch {
            throw DiagnosticError(.error("cannot render the report: \(error)", at: location))
        }
        do {
            try OutputWriter.replace(url.standardizedFileURL.path, with: page)
        } catch {
            throw DiagnosticError(.error("cannot write the report: \(error.reason); check the folder's permissions and free space", at: location))
        }
    }
}
