import ArgumentParser
import Foundation
import JobFeed
import Logging
import ServiceLifecycle

/// `jobfeed watch`: a long-running publisher that keeps every output true as files change and
/// as time passes.
public struct WatchCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Build, then rebuild whenever postings or the config change, or a posting opens or closes.",
        discussion: "Stops on SIGINT or SIGTERM with exit status 0. Exit status 2: the config cannot be read at start; 75: another jobfeed holds the lock.")

    @OptionGroup public var site: SiteOptions

    @Option(name: .long, help: "How long files must stay quiet before a rebuild publishes; it reads and renders meanwhile (e.g. 250ms, 1s).")
    public var debounce = DurationArgument(.milliseconds(250), "250ms")

    @Option(name: .long, help: "Also rebuild at this interval as a safety net (e.g. 15m).")
    public var interval: DurationArgument?

    @Flag(name: .long, help: "Poll for changes instead of using inotify.")
    public var poll = false

    @Option(name: .long, help: "How often to poll when polling.")
    public var pollInterval = DurationArgument(.seconds(1), "1s")

    @Option(name: .long, help: "Keep a status page (as `jobfeed report` writes) at this path, written again after every rebuild.")
    public var report: String?

    @OptionGroup public var locking: LockOptions

    @Option(name: .long, help: "trace, debug, info, notice, warning, error or critical.")
    public var logLevel: Logger.Level = .info

    @Option(name: .long, help: "text or json (one object per line, for log collectors).")
    public var logFormat: LogFormat = .text

    public init() {}

    public func run() async throws {
        let logger = Logger(label: "jobfeed") { _ in LineLogHandler(format: logFormat, logLevel: logLevel) }
        let (_, lock) = try site.loadConfigAndLock(timeout: locking.lockTimeout.duration)
        var options = WatchOptions(configFile: site.configURL, overrides: site.folderOverrides)
        options.debounce = debounce.duration
        options.interval = interval?.duration
        options.polling = poll
        options.pollInterval = pollInterval.duration
        options.statusPage = report.map { URL(fileURLWithPath: $0, relativeTo: site.workingFolder).standardizedFileURL }
        let service = WatchService(options: options, logger: logger, lock: LockKeeper(lock, timeout: locking.lockTimeout.duration))
        let group = ServiceGroup(configuration: .init(
            services: [.init(service: service)], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
        logger.info("stopped")
    }
}
