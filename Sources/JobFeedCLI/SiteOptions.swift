import ArgumentParser
import Foundation
import JobFeed

/// Options every command shares: which site and which folders.
public struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: "The config file.")
    public var config: String = "jobfeed.yml"

    @Option(name: .long, help: "The postings folder (default: from the config, else postings/).")
    public var postings: String?

    @Option(name: .long, help: "The feeds output folder (default: from the config, else feeds/).")
    public var feeds: String?

    @Option(name: .long, help: "The exports output folder (default: from the config, else exports/).")
    public var exports: String?

    @Option(name: .long, help: "The state folder: last-good copies, build record, lock (default: from the config, else .jobfeed/ beside it).")
    public var state: String?

    public init() {}

    public func validate() throws {
        if config.isEmpty { throw ValidationError("--config needs a path") }
    }

    var workingFolder: URL {
        URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
    }

    var configURL: URL {
        URL(fileURLWithPath: config, relativeTo: workingFolder).standardizedFileURL
    }

    var folderOverrides: FolderOverrides {
        func absolute(_ path: String?) -> String? {
            path.map { URL(fileURLWithPath: $0, relativeTo: workingFolder).standardizedFileURL.path }
        }
        return FolderOverrides(postings: absolute(postings), feeds: absolute(feeds), exports: absolute(exports), state: absolute(state))
    }

    func loadConfig() throws(DiagnosticError) -> Config {
        try Config.load(from: configURL, overrides: folderOverrides)
    }

    /// Loads the config and takes the outputs' lock, turning failures into printed diagnostics
    /// and the documented exit statuses (2, or 75 when another jobfeed holds the lock).
    func loadConfigAndLock(timeout: Duration) throws -> (Config, BuildLock) {
        do {
            let config = try loadConfig()
            return (config, try BuildLock.acquire(for: config, timeout: timeout))
        } catch let error as DiagnosticError {
            Console.printDiagnostics(error.diagnostics)
            throw ExitStatus.configurationError
        } catch let error as BuildLock.Failure {
            Console.printError(error.description)
            if case .busy = error { throw ExitStatus.lockBusy }
            throw ExitStatus.configurationError
        }
    }

}

extension URL {
    /// The path as the user would type it from `folder`: relative below it, else absolute.
    func relativePath(from folder: URL) -> String {
        let base = folder.standardizedFileURL.path
        let path = standardizedFileURL.path
        return path.relative(below: base).map(String.init) ?? path
    }
}
