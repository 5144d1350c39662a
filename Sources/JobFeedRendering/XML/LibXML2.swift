internal import CLibXML2

/// libxml2's process-wide state, set up once before any use, whichever use comes first. Its
/// functions set it up on first use if nothing did, but not safely from two threads at once:
/// with the outputs' writers made on both cores before anything else had used libxml2
/// (8dda177, reverted), two builds crashed with SIGSEGV, one of them inside libxml2.
enum LibXML2 {
    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    /// Call before any other libxml2 function (Swift runs the set-up once, whichever thread
    /// comes first, and holds the others until it is done).
    static func ensureInitialized() {
        precondition(initialized)
    }
}
