/// Where a build's outputs go while they render.
package enum OutputDestination: Sendable {
    /// Temporary files beside their targets, put in place by the write step (`build`).
    case staged
    /// Memory, for the tests and the fuzzer to inspect.
    case memory
    /// Nowhere: `check` needs every output to render, not to be kept.
    case discarded
}
