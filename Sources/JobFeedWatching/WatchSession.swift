import Foundation
import JobFeedCore
import JobFeedPublishing
import JobFeedReading
import Logging

/// What the watcher keeps between rebuilds: the last good config, the build cache, and the
/// file watcher (inotify, or polling when inotify cannot be used).
package struct WatchSession {
    package let options: WatchOptions
    package let logger: Logger
    package private(set) var config: Config
    /// Over the state folder's build cache: a watcher starts from what the last build left,
    /// and holds the postings, not every one's bytes.
    package private(set) var cache: BuildCache
    private var inotify: InotifyWatcher?
    private var poller: PollingWatcher?
    private var report: (@Sendable (ChangeEvent) -> Void)?

    package init(options: WatchOptions, logger: Logger) throws(DiagnosticError) {
        self.options = options
        self.logger = logger
        self.config = try Config.load(from: options.configFile, overrides: options.overrides)
        cache = BuildCache(persistingIn: config)
    }

    /// `checksTheClock`: `now` is the system clock's (see `Publisher.checksTheClock`).
    package func publisher(now: Timestamp, checksTheClock: Bool = false, changedFiles: Set<String>? = nil,
                           shouldStop: @escaping @Sendable () -> Bool) -> Publisher {
        var publisher = Publisher(config: config, now: now, cache: cache, shouldStop: shouldStop)
        publisher.checksTheClock = checksTheClock
        publisher.changedFiles = changedFiles
        return publisher
    }

    /// Watches the postings tree and the config file; reports only what can change outputs
    /// (posting files, folders, the config), not editors' swap files nor what `exclude:` names.
    package mutating func startWatching(_ report: @escaping @Sendable (ChangeEvent) -> Void) {
        self.report = report
        let configPath = options.configFile.standardizedFileURL.path
        let root = config.postingsDirectory.standardizedFileURL.path
        if !options.polling {
            do {
                let configFolder = configPath.parentFolder
                let sectionFolders = config.sectionFoldersAbove.filter { $0 != configFolder }
                // Hugo's config folder (`config/_default/hugo.toml`), when that is where its config is.
                let generatorFolders = [config.generatorConfig.map { $0.path.parentFolder }]
                    .compactMap { $0 }.filter { $0 != configFolder }
                inotify = try InotifyWatcher(trees: [root], folders: [configFolder] + generatorFolders + sectionFolders, report: filter(report))
                logger.info("watching \(DisplayPath.of(path: root)) and \(DisplayPath.of(path: configPath)) with inotify")
                return
            } catch {
                logger.warning("\(error); polling every \(options.pollInterval) instead")
            }
        }
        poller = PollingWatcher(roots: pollingRoots, interval: options.pollInterval, report: filter(report))
    }

    /// What the watchers report, less what cannot change an output; a Hugo section page's
    /// cascade is part of the config (see `Config.sectionPages`).
    private func filter(_ report: @escaping @Sendable (ChangeEvent) -> Void) -> @Sendable (ChangeEvent) -> Void {
        let configPath = options.configFile.standardizedFileURL.path
        let root = config.postingsDirectory.standardizedFileURL.path
        let excluded = ExcludedPaths(config.exclude)
        let readsCascades = config.conventions == .hugo
        let sectionFolders = Set(config.sectionFoldersAbove)
        let generatorConfigs = Set(generatorConfigPaths)
        return { event in
            guard case let .changed(path) = event else { return report(event) }
            let name = path.lastName
            let inPostings = path.isBelow(root)
            if path == configPath || generatorConfigs.contains(path) || readsCascades && Config.isSectionPage(name)
                && (inPostings || sectionFolders.contains(path.parentFolder)) {
                report(.configChanged)
            } else if inPostings, PostingPath.isPostingFile(name), !excluded.excludes(relativePath: String(path.relative(below: root) ?? "")) {
                report(event)
            }
        }
    }

    /// Where the site generator's config beside the config may be, which is part of it (see
    /// `Config.generatorConfig`): Jekyll's `_config.yml`, or each of Hugo's names.
    private var generatorConfigPaths: [String] {
        Config.generatorConfigPaths(config.conventions, configFolder: options.configFile.standardizedFileURL.deletingLastPathComponent())
    }

    /// The postings folder, the config file, the generator's and the section pages above the postings
    /// folder (a poller watches files: a section page made there later is found by inotify alone).
    private var pollingRoots: [String] {
        let root = config.postingsDirectory.resolvingSymlinksInPath().path
        let above = config.sectionPages.map(\.file.path).filter { !$0.isBelow(root) }
        return [config.postingsDirectory.standardizedFileURL.path, options.configFile.standardizedFileURL.path] + generatorConfigPaths + above
    }

    package func stopWatching() {
        inotify?.stop()
        poller?.stop()
    }

    /// Gives up on inotify for the rest of the run, saying why once.
    package mutating func switchToPolling(because reason: String) {
        guard poller == nil, let report else { return }
        inotify?.stop()
        inotify = nil
        logger.warning("\(reason); polling every \(options.pollInterval) from now on")
        poller = PollingWatcher(roots: pollingRoots, interval: options.pollInterval, report: filter(report))
    }

    /// Takes a changed config if it reads cleanly; otherwise says why and keeps the last good one.
    package mutating func reloadConfig() {
        do {
            let fresh = try Config.load(from: options.configFile, overrides: options.overrides)
            if let emptied = Self.emptied(from: config, to: fresh) {
                logger.warning("\(emptied) is empty now, as a save cut short leaves it; still using the last good config until it is written again (what it hid stays hidden)")
                return
            }
            // The watch's filter is made for the folder and the exclusions.
            let rewatch = fresh.postingsDirectory != config.postingsDirectory || fresh.exclude != config.exclude
            config = fresh
            // A new config changes how every file reads and renders: a cache made for it.
            cache = BuildCache(persistingIn: fresh)
            logger.info("config reloaded")
            if rewatch, let report {
                stopWatching()
                startWatching(report)
            }
        } catch {
            for diagnostic in error.diagnostics { logger.error("\(diagnostic)") }
            logger.error("the config has errors; still using the last good config")
        }
    }

    /// A section page or generator config that had text and has none: an editor that cuts a file
    /// and then writes it gives the watcher the empty file first, and a config read then would
    /// publish, for one rebuild, what its cascade or defaults hide.
    static func emptied(from old: Config, to new: Config) -> String? {
        if let before = old.generatorConfig, !before.text.isEmpty, new.generatorConfig?.text.isEmpty == true { return before.displayPath }
        let now = Dictionary(new.sectionPages.map { ($0.file.path, $0.file.text) }, uniquingKeysWith: { first, _ in first })
        return old.sectionPages.first { !$0.file.text.isEmpty && now[$0.file.path]?.isEmpty == true }?.file.displayPath
    }
}
