import Foundation
import JobFeedCore
import JobFeedReading
import JobFeedRendering

extension Config {
    /// Reads and checks `jobfeed.yml`; throws every problem found, each at its line.
    public static func load(from file: URL, overrides: FolderOverrides = FolderOverrides()) throws(DiagnosticError) -> Config {
        try load(from: file, overrides: overrides, outputs: OutputFormats.ids)
    }

    /// Reads config text; folders are resolved against `folder`.
    package static func parse(_ text: String, file: String, folder: URL, overrides: FolderOverrides = FolderOverrides()) throws(DiagnosticError) -> Config {
        try parse(text, file: file, folder: folder, overrides: overrides, outputs: OutputFormats.ids)
    }
}
