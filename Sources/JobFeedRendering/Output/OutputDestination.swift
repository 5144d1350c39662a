/// Where a build's outputs go while they render.
package enum OutputDestination: Sendable {
    /// Temporary files beside their targets, put in place by the write step (`build`).
    case staged
    /// Memory, for the tests and the fuzzer to inspect.
    case memory
    /// Nowhere, but compared with the files on disk as it renders: `check` keeps nothing and
    /// says which files a build would write.
    case compared
}
