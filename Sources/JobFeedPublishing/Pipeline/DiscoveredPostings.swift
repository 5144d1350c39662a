import JobFeedCore
import JobFeedReading
import JobFeedSystem

/// The posting files a build found, with their stamps as it found them. A watcher's cache
/// keeps them, so that a rebuild told which files changed takes the same list again with only
/// those files stat'ed: listing the folder and stat'ing every file was 70 ms of a 10,000-posting
/// watcher's 600 ms rebuild.
package struct DiscoveredPostings: Sendable {
    package private(set) var files: [PostingFile]
    package private(set) var stamps: [FileStamp?]
    package let diagnostics: [Diagnostic]
    /// Whether every file is plain (see `FileStamp.ofListed`): a file with another name (a
    /// hard link, a symbolic link to it) changes when that name is written, unannounced.
    private let allPlain: Bool

    /// Lists the postings folder (see `PostingDiscovery`) and stats every file.
    package static func find(_ config: Config) throws(DiagnosticError) -> DiscoveredPostings {
        var discovery = PostingDiscovery(config: config)
        let files = try discovery.files()
        let listed = stamps(of: files.map(\.absolutePath))
        return DiscoveredPostings(files: files, stamps: listed.map(\.stamp), diagnostics: discovery.diagnostics,
                                  allPlain: listed.allSatisfy(\.plain))
    }

    /// `FileStamp.ofListed` for each path, in runs of `run` paths taken by whichever core is
    /// free: the cache's index is read on the other core meanwhile (see
    /// `CacheArchive.preloadIndex`), and is read before the 10,000 `fstatat`s of a 10,000-posting
    /// site end, which one core made alone.
    package static func stamps(of paths: [String], run: Int = 1_000) -> [(stamp: FileStamp?, plain: Bool)] {
        Parallel.stamps(of: paths, run: run) { $0.listed($1) }
    }

    private init(files: [PostingFile], stamps: [FileStamp?], diagnostics: [Diagnostic], allPlain: Bool) {
        self.files = files
        self.stamps = stamps
        self.diagnostics = diagnostics
        self.allPlain = allPlain
    }

    /// The same files with the `changed` ones stat'ed again, when these are all the changes
    /// there were: nil when a listing could differ (a changed path that was not listed, is
    /// gone or is no plain file now) or when a file could change unannounced (one not plain).
    /// Which files a folder holds depends only on names (`PostingDiscovery`), so an edited
    /// file changes nothing in the list.
    ///
    /// Each listed file the changes name is stat'ed by its own path: two files whose names read
    /// alike in other code points are one `String`, and a table of the listing by path (made
    /// for every rebuild: 3 ms of a 10,000-posting watcher's one-core start) stat'ed the edited
    /// one and gave its stamp to the other.
    package func updating(_ changed: Set<String>) -> DiscoveredPostings? {
        guard allPlain else { return nil }
        guard !changed.isEmpty else { return self }
        var updated = self
        var found = Set<String>()
        for index in files.indices where changed.contains(files[index].absolutePath) {
            let now = FileStamp.ofListed(path: files[index].absolutePath)
            guard now.plain else { return nil }
            updated.stamps[index] = now.stamp
            found.insert(files[index].absolutePath)
        }
        return found.count == changed.count ? updated : nil
    }
}
