import Foundation
import JobFeedCore
import JobFeedReading
import JobFeedRendering

/// What a build checks before it reads a posting: that what it sees is no accident that would
/// take every job, or a language's, offline (`checksTheClock`, `allowsNoPostings`).
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
    /// copies are of those postings), or none of a language that paths name (its folder, as
    /// `fr/`, or a suffix, as `.fr.md`) where the last build read two or more: one language's
    /// folder not checked out (a submodule) or not mounted would take its jobs offline alone.
    /// A language's one posting removed is the common way its last job closes, and builds.
    /// Unless that is allowed. `lastGood`: the index as known, else its file is read (only when
    /// the folder, or a language, has no file).
    func checkNotEmptied(_ discovered: DiscoveredPostings, lastGood: LastGoodIndex.Known?) throws(DiagnosticError) {
        guard !allowsNoPostings else { return }
        let folder = SourceLocation(file: DisplayPath.of(config.postingsDirectory))
        guard !discovered.files.isEmpty else {
            let copies = LastGoodStore(config: config, known: lastGood).index.entries.count
            guard copies > 0 else { return }
            throw DiagnosticError(.error("the postings folder holds no posting file, where the last build read \(copies); nothing was published and every output is as it was (a volume not mounted, or a checkout under way?); if every posting was removed on purpose, build once with --allow-no-postings", at: folder))
        }
        let missing = languagesNamedByNoPath(discovered.files)
        guard !missing.isEmpty else { return }
        var copies: [String: Int] = [:]
        for path in LastGoodStore(config: config, known: lastGood).index.entries.keys {
            if let language = PostingPath(relativePath: path.text, languages: config.languageCodes).language, missing.contains(language) {
                copies[language, default: 0] += 1
            }
        }
        guard let (language, count) = copies.filter({ $0.value > 1 }).min(by: { $0.key < $1.key }) else { return }
        throw DiagnosticError(.error("no posting file's path names the language '\(language)' (by its folder or a suffix), where the last build read \(count); nothing was published and every output is as it was (a folder not mounted, or a checkout or sync under way?); if every '\(language)' posting was removed on purpose, build once with --allow-no-postings", at: folder))
    }

    /// The site's languages that no found file's path names, on a site whose paths name some
    /// (where languages come from front matter alone, paths say nothing to check).
    private func languagesNamedByNoPath(_ files: [PostingFile]) -> Set<String> {
        var missing = Set(config.languageCodes)
        var anyNamed = false
        for file in files {
            guard let language = file.path.language else { continue }
            anyNamed = true
            missing.remove(language)
            if missing.isEmpty { break }
        }
        return anyNamed ? missing : []
    }
}
