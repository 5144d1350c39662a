import JobFeedCore
import JobFeedSystem

extension Parallel {
    /// `take` of each path, in order, in runs of `run` paths taken by whichever core is free,
    /// each run stat'ing by name from the folders it opens (`FileStamp.ByFolder`): by path,
    /// every `stat` walked the whole path again. A list no longer than one run stays on this
    /// core.
    package static func stamps<Result: Sendable>(of paths: [String], run: Int = 1_000,
                                                 _ take: @Sendable (inout FileStamp.ByFolder, String) -> Result) -> [Result] {
        @Sendable func inRun(_ paths: ArraySlice<String>) -> [Result] {
            var folders = FileStamp.ByFolder()
            return paths.map { take(&folders, $0) }
        }
        guard paths.count > run else { return inRun(paths[...]) }
        let runs = stride(from: 0, to: paths.count, by: run).map { paths[$0..<min($0 + run, paths.count)] }
        return map(runs, inRun).flatMap { $0 }
    }
}
