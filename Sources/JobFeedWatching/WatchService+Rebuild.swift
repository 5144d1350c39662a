import Dispatch
import JobFeedCore
import JobFeedPublishing
import JobFeedSystem
import Synchronization

extension WatchService {
    /// Runs one build off the cooperative thread pool (it blocks on file I/O and C libraries);
    /// the next status change, or the failure; nil when it gave way to a later change
    /// (`mayPublish`). `changed`: the posting files written since the last rebuild, when they
    /// are all that changed (`Publisher.changedFiles`).
    func rebuild(_ session: inout WatchSession, _ work: PendingChanges, changed: Set<String>?) async -> Result<NextChange?, DiagnosticError>? {
        let started = ContinuousClock.now
        underWay.withLock { $0 = work.files }
        defer { underWay.withLock { $0 = [] } }
        if let lock, !lock.reassert(for: session.config, logger: logger) {
            let failure = DiagnosticError(.error("another jobfeed holds the lock; not rebuilding", at: SourceLocation(file: DisplayPath.of(StateFolder(session.config).lock))))
            RebuildLog(logger: logger).failed(failure)
            return .failure(failure)
        }
        var building = session.publisher(now: clock.now(), checksTheClock: clock is SystemWatchClock, changedFiles: changed,
                                          shouldStop: { [self] in stopping.withLock { $0 } })
        let held = Mutex(Duration.zero)
        building.beforePublishing = { [self, cache = session.cache] in
            let holdingStarted = ContinuousClock.now
            defer { held.withLock { $0 = ContinuousClock.now - holdingStarted } }
            return mayPublish(readings: cache)
        }
        let publisher = building
        let result = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                DispatchQueue.global().async {
                    let result = Result { () throws(DiagnosticError) in try publisher.build() }
                    // A rebuild frees what it held for the outputs; without giving it back, each
                    // thread's malloc arena kept its share and the watcher's resident memory grew
                    // by a quarter over the first rebuilds (50,000 postings: 0.82 to 1.04 GB).
                    FreedMemory.release()
                    continuation.resume(returning: result)
                }
            }
        } onCancel: {
            stop()
        }
        switch result {
        case let .success(report) where report.withheld == .superseded:
            logger.debug("a file changed after the rebuild read it; rebuilding again before publishing [\(work.trigger(relativeTo: DisplayPath.of(path:)))]")
            return nil
        case let .success(report):
            // Its work, not its wait for the files to settle.
            let duration = ContinuousClock.now - started - held.withLock { $0 }
            let rebuild = Rebuild(trigger: work.trigger(relativeTo: DisplayPath.of(path:)), duration: duration, report: report)
            RebuildLog(logger: logger).record(rebuild, languages: session.config.languages)
            if let page = options.statusPage, report.published {
                do throws(DiagnosticError) {
                    try publisher.writeStatusPage(publisher.status(of: report), to: page)
                } catch {
                    // The outputs are published; a page that cannot be written is only reported.
                    for diagnostic in error.diagnostics { logger.warning("\(diagnostic)") }
                }
            }
            observe(rebuild)
            return .success(report.nextChange)
        case let .failure(error):
            RebuildLog(logger: logger).failed(error)
            return .failure(error)
        }
    }

    /// Holds a rebuild that has rendered until the files have been quiet for the debounce
    /// (on the rebuild's thread); whether it may publish: not once a stop is asked, nor when a
    /// file changed after the rebuild read it (or a change needs the folder listed again):
    /// it gives way to the next rebuild, which the change has asked for.
    func mayPublish(readings cache: BuildCache) -> Bool {
        let settled = DispatchSemaphore(value: 0)
        // Ended early only by a stop, which `stopping` says.
        let wait = Task { [quiet] in
            try? await quiet.wait()
            settled.signal()
        }
        holding.withLock { $0 = wait }
        // A stop asked before the wait was held here is told now (see `stop`).
        if stopping.withLock({ $0 }) { wait.cancel() }
        settled.wait()
        holding.withLock { $0 = nil }
        guard !stopping.withLock({ $0 }) else { return false }
        let since = pending.withLock { $0 }
        return !since.waitsForQuiet && since.files.allSatisfy(cache.holdsWhatWasRead)
    }

    /// Stops the watcher: a rebuild under way stops before publishing, one held for the quiet
    /// period at once.
    func stop() {
        stopping.withLock { $0 = true }
        holding.withLock { $0?.cancel() }
    }
}
