import Foundation
import JobFeedCore

/// Where a one-shot build finds what earlier builds rendered and read, and keeps what it
/// renders and reads now: the build cache in the state folder. Bytes go there and come back
/// on demand, one posting at a time, so that a build never holds every posting's bytes.
package protocol PartArchive: Sendable {
    /// The bytes of `kind` for the file at `path`, if they were stored for this stamp and
    /// context and read back intact.
    func bytes(path: String, kind: String, stamp: FileStamp, context: UInt64) -> Data?
    func store(_ data: Data, path: String, kind: String, stamp: FileStamp, context: UInt64)
    /// The posting files that exist now: the others' entries are dropped when the build publishes.
    func keepOnly(_ paths: Set<String>)
}
