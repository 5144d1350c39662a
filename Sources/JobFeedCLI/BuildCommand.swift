import ArgumentParser
import Foundation
import JobFeed

/// `jobfeed build`: reads the postings, writes the feeds and exports, prints a summary.
public struct BuildCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the feeds and exports from the postings.",
        discussion: "Exit status: 0 built; 1 some postings have errors and were left out; 2 configuration or file-system error, nothing written; 64 usage error; 75 another jobfeed held the lock past --lock-timeout.")

    @OptionGroup public var site: SiteOptions

    @OptionGroup public var time: TimeOptions

    @Flag(name: .long, help: "Print nothing but warnings and errors.")
    public var quiet = false

    @Flag(name: .long, help: "List every file written or removed (by default only their numbers).")
    public var verbose = false

    @OptionGroup public var locking: LockOptions

    @OptionGroup public var progress: ProgressOptions

    @Flag(name: .long, help: "Print how long each part of the build took: the pipeline steps, and around them the state folder, the listing, the build cache and the build record.")
    public var timings = false

    @Flag(name: .long, help: "Publish nothing at all when any posting has an error (default: leave that posting out, or keep its last good version).")
    public var strict = false

    @Flag(name: .long, help: "Publish an empty postings folder, or a language folder emptied, where the last build read postings (by default taken for a volume not mounted or a checkout under way: nothing is published, exit 2).")
    public var allowNoPostings = false

    public init() {}

    public func validate() throws {
        if quiet && verbose { throw ValidationError("--quiet and --verbose cannot be used together") }
    }

    public func run() throws {
        let (config, lock) = try site.loadConfigAndLock(timeout: locking.lockTimeout.duration)
        var publisher = Publisher(config: config, now: try time.buildTime(config))
        publisher.allowsNoPostings = allowNoPostings
        publisher.checksTheClock = time.readsTheClock
        let line = progress.line(quiet: quiet)
        publisher.progress = line?.observer
        let report: BuildReport
        do {
            report = try publisher.build(strict: strict)
            line?.clear()
        } catch {
            line?.clear()
            Console.printDiagnostics(error.diagnostics)
            throw ExitStatus.configurationError
        }
        withExtendedLifetime(lock) {}
        Console.printDiagnostics(report.diagnostics)
        if !quiet { Console.print(BuildSummary(report: report, languages: config.languages, listsFiles: verbose).text) }
        if timings {
            Console.print(report.timings.map { "\($0.step): \($0.duration.formatted(.units(allowed: [.milliseconds], width: .abbreviated)))" }.joined(separator: "\n"))
            Console.print("bodies rendered: \(report.bodiesRendered) of \(report.catalog.entries.count) published postings (the rest from the build cache)")
            Console.print("parts copied from the published outputs: \(report.partsCopied)")
            Console.print("bytes left in place in the outputs' spares: \(report.files.bytesLeftInPlace)")
            Console.print("feeds and exports left unrendered, what they are made from unchanged: \(report.files.kept.count)")
            Console.print("gzip segments copied from the published twins: \(report.files.twinSegmentsCopied)")
        }
        if report.withheld == .strict { Console.printDiagnostics([Diagnostic(.error, file: "jobfeed", "--strict: nothing was published because of the errors above; every output is as it was")]) }
        let (hasErrors, withheld) = (report.hasErrors, report.withheld)
        report.releaseInBackground()
        // Postings the config broke are the config's error: nothing was written, as for one
        // that does not load.
        if withheld == .lastGoodVersionsBroken { throw ExitStatus.configurationError }
        if hasErrors { throw ExitStatus.postingErrors }
    }
}
