import Foundation

/// The fields every stage reads for every posting of every build, as properties of their own.
/// Through `subscript(dynamicMember:)` they were not inlined where they are read most (the
/// catalog, the fingerprints, the writers): each read applied a key path at run time, 3% of a
/// cron build's CPU at 10,000 postings. Every other field still reads through the key path.
extension Posting {
    @inlinable public var source: PostingSource {
        get { storage.fields.source }
        set { change { $0.source = newValue } }
    }

    @inlinable public var language: String {
        get { storage.fields.language }
        set { change { $0.language = newValue } }
    }

    @inlinable public var slug: String {
        get { storage.fields.slug }
        set { change { $0.slug = newValue } }
    }

    @inlinable public var translationKey: String? {
        get { storage.fields.translationKey }
        set { change { $0.translationKey = newValue } }
    }

    @inlinable public var title: String {
        get { storage.fields.title }
        set { change { $0.title = newValue } }
    }

    @inlinable public var datePosted: Timestamp {
        get { storage.fields.datePosted }
        set { change { $0.datePosted = newValue } }
    }

    @inlinable public var dateModified: Timestamp {
        get { storage.fields.dateModified }
        set { change { $0.dateModified = newValue } }
    }

    @inlinable public var identifier: String {
        get { storage.fields.identifier }
        set { change { $0.identifier = newValue } }
    }

    @inlinable public var url: String {
        get { storage.fields.url }
        set { change { $0.url = newValue } }
    }

    /// A write copies the fields (see `Posting`).
    @usableFromInline mutating func change(_ body: (inout Fields) -> Void) {
        var fields = storage.fields
        body(&fields)
        storage = Storage(fields)
    }
}
