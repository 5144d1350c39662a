import Foundation

/// Where a test keeps files of its own: a new name in the temporary folder each time, so that
/// tests running at once never share one. The test removes what it made.
enum ScratchPath {
    /// A path that names nothing yet (`jobfeed-<purpose>-<UUID>`).
    static func unused(_ purpose: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("jobfeed-\(purpose)-" + UUID().uuidString)
    }

    /// A new empty folder.
    static func folder(_ purpose: String) throws -> URL {
        let folder = unused(purpose)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}
