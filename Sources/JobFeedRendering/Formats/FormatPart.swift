import Foundation

/// A posting's rendered bytes for one format, and their digest when a cache computed it.
package struct FormatPart: Sendable {
    package var data: Data
    package var digest: UInt64?

    package init(data: Data, digest: UInt64? = nil) {
        self.data = data
        self.digest = digest
    }
}
