import Foundation
import JobFeedCore
import JobFeedReading
import JobFeedRendering

/// Runs one arbitrary byte string through the whole pipeline as a posting file, renders every
/// output in memory, and traps when an invariant breaks: the libFuzzer target and the
/// regression tests over its findings both call this.
@_spi(Fuzzing)
public enum FuzzHarness {
    package static let config: Config = {
        let text = """
            baseURL: https://jobs.example.org/
            languages:
              - {code: en, locale: en-CA, title: Jobs, description: Jobs.}
              - {code: fr, locale: fr-CA, title: Emplois, description: Emplois.}
            organization: {name: {en: Example, fr: Exemple}, url: https://example.org/}
            defaults: {remote: true, applicantCountries: [CA], employmentType: FULL_TIME}
            limits: {maxFileBytes: 1000000}
            """
        // A fixed, valid config: a failure here is a bug in jobfeed, not in the input.
        return try! Config.parse(text, file: "fuzz.yml", folder: URL(fileURLWithPath: "/nonexistent"))
    }()

    /// Returns the problems found; empty when every invariant holds.
    public static func violations(for data: Data) -> [String] {
        let file = PostingFile(url: URL(fileURLWithPath: "/nonexistent/en/fuzz.md"),
                               path: PostingPath(relativePath: "en/fuzz.md", languages: ["en", "fr"]), displayPath: "fuzz.md")
        let parser = PostingParser(config: config, fallbackDates: FallbackDates(root: URL(fileURLWithPath: "/nonexistent"), consultGit: false), decodeReferences: PlainText.from)
        let outcome = parser.parse(file, data: data)
        if outcome.posting == nil && !outcome.diagnostics.contains(where: { $0.severity == .error }) {
            return ["a posting was dropped without an error"]
        }
        guard let posting = outcome.posting else { return [] }
        let bodies = BodyRenderer()
        if (try? bodies.render(posting)) != (try? bodies.renderParsingHTML(posting)) {
            return ["the body's direct walk and libxml2's parse disagree"]
        }
        let plan: OutputPlan
        do {
            plan = try Publisher(config: config, now: Timestamp(seconds: 4_000_000_000)).render([posting])
        } catch {
            return ["rendering failed: \(error)"]
        }
        return plan.files.sorted { $0.key < $1.key }.map { ($0.key.text, $0.value) }.flatMap { path, bytes in OutputFormats.violations(in: bytes, at: path, config: config) }
    }
}
