/// When a staged file's written bytes start their writeback (`BackgroundWriteback`): every
/// 16 MB after a copy, and the rest when a file that copies made is finished. On ext4, the
/// rename over the published file would otherwise allocate all of it at once
/// (auto_da_alloc), on one core, after every output has rendered: measured at 10,000
/// postings, one posting edited, eight rounds each, 0.96 s against 1.04 s; at the finish, 28 ms
/// for one feed's last 14 MB. Not after buffered writes alone: a cold build keeps both cores
/// busy rendering, and was no faster, and its many small files are left to the kernel's own
/// writeback.
struct WritebackPace {
    private static let stretch: Int64 = 16 << 20
    /// How far writeback was started.
    private var started: Int64 = 0
    /// Whether any bytes were copied from another file (a cron build's outputs; never a cold
    /// build's).
    var madeCopies = false

    /// After a copy, with the file written to `size`: starts the writeback of the last 16 MB
    /// or more.
    mutating func copied(_ file: OpenFile, writtenTo size: Int64) {
        guard size - started >= Self.stretch else { return }
        BackgroundWriteback.start(file, from: started)
        started = size
    }

    /// At the finish, with the file written to `size`: the rest of a file that copies made, on
    /// the core that finishes it rather than at the rename, on the one core that publishes.
    func finishing(_ file: OpenFile, writtenTo size: Int64) {
        guard madeCopies, size > started else { return }
        BackgroundWriteback.start(file, from: started)
    }
}
