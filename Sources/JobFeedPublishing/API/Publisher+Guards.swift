import Foundation
import JobFeedCore
import JobFeedRendering

/// What a build checks before it reads a posting: that what it sees is no accident that would
/// take every job offline (`checksTheClock`, `allowsNoPostings`).
extension Publisher {
    /// How far behind the state folder's last write the clock may read (a day: time zones and
    /// small skews are no fault).
    static let clockSlack: Int64 = 86_400

    /// Fails when `now` is the clock's and reads well before the state folder was last written.
    func checkTheClock() throws(DiagnosticError) {
        guard checksTheClock, let written = StateFolder(config).lastWritten(), now.seconds < written.seconds - Self.clockSlack else { return }
        // The newest file named: its time is what the clock is found to be behind.
        throw DiagnosticError(.error("the clock reads \(DateFormats.rfc3339(now)), before this site's state folder was last written (\(DateFormats.rfc3339(Timestamp(seconds: written.seconds))), this file): a clock not set yet (a machine without a battery-backed clock, before NTP has run)? nothing was published and every output is as it was; set the clock, or build with --now to build for that moment anyway (if the clock is right, the state folder's times are not, written while the clock ran ahead: touch its files)",
                                     at: SourceLocation(file: DisplayPath.of(path: written.file.path))))
    }

    /// Fails when no posting file was found where the last build read some (its last-good
    /// copies are of those postings), unless that is allowed. `lastGood`: the index as known,
    /// else its file is read (only for an empty folder).
    func checkNotEmptied(_ discovered: DiscoveredPostings, lastGood: LastGoodIndex.Known?) throws(DiagnosticError) {
        guard discovered.files.isEmpty, !allowsNoPostings else { return }
        let copies = LastGoodStore(config: config, known: lastGood).index.entries.count
        guard copies > 0 else { return }
        throw DiagnosticError(.error("the postings folder holds no posting file, where the last build read \(copies); nothing was published and every output is as it was (a volume not mounted, or a checkout under way?); if every posting was removed on purpose, build once with --allow-no-postings",
                                     at: SourceLocation(file: DisplayPath.of(config.postingsDirectory))))
    }
}
