import Foundation
import JobFeedCore
import JobFeedReading
import JobFeedRendering
import JobFeedSystem
import SystemPackage

/// What writing a plan did.
public struct WriteResult: Sendable, Hashable {
    public var written: [String] = []
    public var unchanged: [String] = []
    public var removed: [String] = []
    /// The feeds and exports among `unchanged` left as they were without being rendered, as
    /// what they are made from did not change.
    package var kept: [String] = []
    /// Every output file the build holds, as absolute paths, sorted (for the build record).
    package var paths: [String] = []
    /// Segments of `.gz` twins copied from the published twins rather than compressed.
    package var twinSegmentsCopied = 0
    /// Bytes of the outputs left where their spares held them already (see `StagedFile`).
    package var bytesLeftInPlace = 0
    /// The replaced outputs' old versions kept as spares: where each went, by output.
    package var spares: [String: String] = [:]
}

/// Replaces each output file atomically, and only when its bytes change, so that an unchanged
/// file keeps its modification time and a reader never sees a torn file.
///
/// Readers and a killed jobfeed never see a torn file. A power cut could leave one, or an empty
/// one: ext4 commits a rename to the disk within seconds and a file's bytes within half a
/// minute, and its flush of a file renamed over another (auto_da_alloc) does nothing for a file
/// written over its spare's blocks or renamed to a new name. So once a site is published, each
/// file is on the disk before the renames (`settles`, `Publication.settles`; `make faults` cuts
/// the power just after a build). A site's first build does not wait, as there is nothing to
/// keep whole: waiting for each of its per-posting documents made a cold 1,000-posting build
/// 15% slower (0.307 against 0.355 s). An fsync each would also commit the journal once a file
/// (4.5 s for 7,000 files).
package struct OutputWriter {
    package static let temporaryPrefix = StagedFile.temporaryPrefix
    package let state: StateFolder
    package let staging: StagingFolders
    package var cache: BuildCache?
    /// Whether the large outputs get `.gz` twins (else any twin left from before is removed).
    package var gzip = false
    /// Where the replaced files' old versions go to be removed, and the layouts to be saved,
    /// while the build finishes (else that is done before `publish` and `saveLayouts` return).
    package var chores: BackgroundChores?
    /// Whether each file is settled on the disk before it is published (see `OpenFile.settle`):
    /// when the site has been published before.
    package var settles = false

    package init(state: StateFolder, staging: StagingFolders, cache: BuildCache?, gzip: Bool = false) {
        self.state = state
        self.staging = staging
        self.cache = cache
        self.gzip = gzip
    }

    /// Records where the parts lie in the outputs `publish` published, for the next build to copy
    /// them, and in the old versions it kept as `spares`, for the next build to leave them in
    /// place (see `OutputLayouts`, `StagedFile`): among the `chores`, which the build waits for
    /// only before it returns (nothing in it reads them). A cron build's serial end spent 7 to
    /// 11 ms here at 10,000 postings on the outputs' six (36,000 parts, each file renamed over
    /// the last), and as long again on their spares'.
    package func saveLayouts(of plan: OutputPlan, spares: [String: String]) {
        guard let layouts = cache?.layouts, !plan.staged.isEmpty else { return }
        let spans = plan.staged.map { ($0.key, $0.value.spans) }
        let spareLayouts = plan.staged.compactMap { path, file in
            spares[path].flatMap { spare in file.previousVersion.map { (spare, $0.identity, $0.layout) } }
        }
        let save: @Sendable () -> Void = {
            for (path, spans) in spans { layouts.save(spans, for: path) }
            // Only a spare that is the version the build began with: the layout was found to
            // describe that one (a version moved there by an earlier build is another file).
            for (spare, identity, layout) in spareLayouts where FileIdentity(path: spare)?.isSameVersion(as: identity) == true {
                layouts.save(layout, for: spare)
            }
        }
        if let chores { chores.run(save) } else { save() }
    }

    /// What the write does beside finishing the large outputs, on whichever core is free.
    enum SideWork: Sendable {
        case survey, documents

        enum Outcome: Sendable {
            case survey(OwnedFolderSurvey)
            case documents(PreparedDocuments)
        }

        func run(_ plan: OutputPlan, _ prepared: [ExactPath: PreparedFile], _ display: DisplayPath.Relative) -> Outcome {
            switch self {
            case .survey: .survey(OwnedFolderSurvey(plan))
            case .documents: .documents(PreparedDocuments(prepared, display: display))
            }
        }
    }

    package static func failure(_ path: String, _ reason: String) -> DiagnosticError {
        DiagnosticError(.error("cannot write the file: \(reason); check the folder's permissions and free space; every output was left as it was",
                               at: SourceLocation(file: DisplayPath.of(path: path))))
    }

    /// Writes a temporary file in the same folder, then renames it over the target; `settling`:
    /// the bytes on the disk first (see `OpenFile.settle`).
    package static func replace(_ path: String, with data: Data, mode: mode_t = 0o644, settling: Bool = false) throws(SystemError) {
        let temporary = try writeTemporary(data, beside: path, mode: mode, settling: settling)
        do {
            try SystemCall.check("replace", path) { rename(temporary, path) }
        } catch {
            SystemCall.remove(temporary)
            throw error
        }
    }

    /// Writes the bytes to a new temporary file in the target's folder, creating the folder
    /// when it is missing; `settling`: on the disk before it returns (see `OpenFile.settle`).
    package static func writeTemporary(_ data: Data, beside path: String, in staging: String? = nil, mode: mode_t = 0o644,
                                       settling: Bool = false) throws(SystemError) -> String {
        let temporary = StagedFile.temporaryPath(in: staging ?? path.parentFolder)
        try writeNew(data, at: temporary, for: path, mode: mode, settling: settling)
        return temporary
    }

    /// Writes the bytes to a file that must not exist yet, creating its folder when it is
    /// missing; an error names `target`, the file the bytes are for.
    package static func writeNew(_ data: Data, at path: String, for target: String, mode: mode_t = 0o644, settling: Bool = false) throws(SystemError) {
        let create = { () throws(SystemError) in
            try OpenFile(path, .writeOnly, options: [.create, .exclusiveCreate], permissions: FilePermissions(rawValue: mode), operation: "write")
        }
        do {
            let file: OpenFile
            do {
                file = try create()
            } catch where error.code == ENOENT {
                try? FileManager.default.createDirectory(atPath: path.parentFolder, withIntermediateDirectories: true)
                file = try create()
            }
            try file.writeAll(data)
            if settling { try file.settle() }
        } catch {
            SystemCall.remove(path)
            throw SystemError(operation: "write", path: target, code: error.code)
        }
    }
}
