import Foundation
import JobFeedCore
import JobFeedReading
import JobFeedRendering
import JobFeedSystem

extension OutputWriter {
    /// Decides what changes: every output's last bytes staged beside it and compared with it,
    /// the `.gz` twins made, the stale files found. Nothing is published; a stage that fails,
    /// or is not published (`StagedWrite.discard`), leaves every output as it was.
    package func stage(_ plan: OutputPlan) throws(DiagnosticError) -> StagedWrite {
        var preparing = plan.prepared
        for (path, data) in plan.files { preparing[path] = prepare(path.text, data) }
        let prepared = preparing
        let display = DisplayPath.Relative()
        // Finished (each one's last copy made) and compared with its target on every core:
        // serially, the large outputs' last copies held up a cron build's publication. The
        // per-posting documents are sorted out and the owned folders surveyed meanwhile
        // (10,000 per-posting files: 8 ms of a cron build on one core for the survey, about
        // as much for the documents), taken first: taken last, the documents ran alone at the
        // end, after the files, in a watcher's rebuild.
        let files = plan.staged.sorted(by: { $0.key < $1.key })
        let (sideWork, finished) = Parallel.map([SideWork.documents, .survey], { work in work.run(plan, prepared, display) },
                                                then: files.map(\.value), { file in
            Result { () throws(SystemError) in try file.finish() }.map { file.matchesTarget() }
        })
        guard case let .documents(documents) = sideWork[0], case let .survey(survey) = sideWork[1] else {
            preconditionFailure("Parallel.map keeps its lists' order")
        }
        var staged = StagedWrite(plan: plan, writer: self, prepared: prepared, survey: survey)
        do {
            try stage(documents, finishing: files, finished, display, into: &staged)
        } catch {
            staged.discard()
            throw error
        }
        return staged
    }

    /// What `stage` makes of the documents and the finished outputs: the result, the twins,
    /// the publication's moves and removals.
    private func stage(_ documents: PreparedDocuments, finishing files: [(key: String, value: StagedFile)], _ finished: [Result<Bool, SystemError>],
                       _ display: DisplayPath.Relative, into write: inout StagedWrite) throws(DiagnosticError) {
        let plan = write.plan
        if let failure = documents.failure { throw Self.failure(failure.path, failure.reason) }
        write.result.paths += documents.paths
        write.result.unchanged += documents.unchanged
        for file in documents.staged {
            if let digest = file.digest { write.recorded.append((file.path, file.size, digest)) }
            write.result.written.append(display.of(path: file.path))
        }
        publish(documents.staged, into: &write.publication)
        var replaced: [String] = []
        for ((path, file), outcome) in zip(files, finished) {
            write.result.paths.append(path)
            let matchesTarget: Bool
            do { matchesTarget = try outcome.get() } catch { throw Self.failure(path, error.reason) }
            if matchesTarget {
                write.twins.add(of: path, from: path, spans: file.spans, changed: false, &write.result)
                file.discard()
                write.result.unchanged.append(display.of(path: path))
            } else {
                write.twins.add(of: path, from: file.temporaryPath, spans: file.spans, changed: true, &write.result)
                write.publication.replace(path, with: file.temporaryPath)
                replaced.append(path)
                write.result.written.append(display.of(path: path))
            }
        }
        for path in plan.kept {
            write.result.paths.append(path)
            let shown = display.of(path: path)
            write.result.unchanged.append(shown)
            write.result.kept.append(shown)
            write.twins.add(of: path, from: path, spans: nil, changed: false, &write.result)
        }
        try write.twins.make(into: &write.publication, &write.result)
        write.stale = write.survey.stale + (plan.retired + write.twins.retired).filter { FileStamp(path: $0) != nil }
        for path in write.stale { write.publication.remove(path) }
        write.result.spares = spares(replacing: replaced + write.twins.replaced)
        write.result.bytesLeftInPlace = plan.staged.values.reduce(0) { $0 + $1.bytesLeftInPlace }
    }

    /// Publishes what `stage` decided, every change at once: a publication that fails leaves
    /// every output as it was.
    package func publish(_ staged: StagedWrite) throws(DiagnosticError) -> WriteResult {
        var write = staged
        defer { write.twins.discard() }
        var result = write.result
        let plan = write.plan
        let display = DisplayPath.Relative()
        do {
            try write.publication.commit(chores: chores, spares: result.spares)
            write.twins.published()
        } catch {
            throw DiagnosticError(.error("cannot publish: \(error.description); every output was left as it was (check the folder's permissions, immutable files and free space)",
                                         at: SourceLocation(file: DisplayPath.of(path: error.path))))
        }
        for file in write.prepared.values { file.published() }
        for (_, staged) in staging.stagedNewFolders { try? FileManager.default.removeItem(atPath: staged) }
        for file in plan.staged.values { file.published() }
        cache?.written.record(write.recorded)
        removeLeftovers(plan, write.survey)
        pruneSpares(keeping: (Array(plan.staged.keys) + plan.kept).flatMap { gzip ? [$0, $0 + ".gz"] : [$0] })
        result.paths.sort()
        result.written.sort()
        result.unchanged.sort()
        result.removed = write.stale.map { display.of(path: $0) }
        return result
    }
}
