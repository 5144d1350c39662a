/// What the walk and each form of the body make of one element name, worked out once per
/// name: a body's walk used to ask a dozen sets and dictionaries about every element it met,
/// and that hashing was a third of the walk's own time.
///
/// The policies stay where they are written (`FeedHTMLPolicy`, each visitor's sets); this
/// only reads them ahead of time.
package final class HTMLTag: Sendable {
    package let name: String
    package let walk: Walk
    package let feed: FeedHTMLVisitor.Role
    package let google: GoogleHTMLVisitor.Role
    package let plain: PlainTextVisitor.Role
    /// How libxml2's parser treats the name; nil for a name none of the policies mentions.
    package let parsing: Parsing?

    package struct Parsing: Sendable {
        /// The tag's place among the known ones.
        let index: Int
        /// Whether libxml2 takes it as empty, as it does `br`.
        let isEmpty: Bool
        /// Which known start tags (by index) libxml2 closes this element at.
        let closedBy: [Bool]
    }

    package enum Walk: Sendable {
        /// Code, resources and controls: dropped with everything inside them.
        case opaque
        /// A void element that loads or submits: dropped alone, what libxml2 nested in it walked.
        case unwrapped
        case visited
    }

    private init(_ name: String, parsing: Parsing? = nil) {
        self.name = name
        self.parsing = parsing
        walk = FeedHTMLPolicy.opaque.contains(name) ? .opaque : FeedHTMLPolicy.droppedVoid.contains(name) ? .unwrapped : .visited
        feed = FeedHTMLVisitor.Role(name)
        google = GoogleHTMLVisitor.Role(name)
        plain = PlainTextVisitor.Role(name)
    }

    /// The tag for a lowercased element name.
    package static func named(_ name: String) -> HTMLTag {
        known[name] ?? HTMLTag(name)
    }

    /// Every name one of the policies mentions, which covers what cmark-gfm writes; any other
    /// name is classified when it is met.
    private static let known: [String: HTMLTag] = {
        var names = Set(FeedHTMLPolicy.elements.keys).union(FeedHTMLPolicy.opaque).union(FeedHTMLPolicy.droppedVoid)
        names.formUnion(FeedHTMLPolicy.blocks)
        names.formUnion(GoogleHTMLVisitor.allowed.union(GoogleHTMLVisitor.renamed.keys).union(GoogleHTMLVisitor.paragraphLike))
        names.formUnion(PlainTextVisitor.blocks.union(HTMLElement.voidElements))
        let ordered = names.sorted()
        let closings = HTMLParserRules.closings(among: ordered)
        return Dictionary(uniqueKeysWithValues: ordered.enumerated().map { index, name in
            let parsing = Parsing(index: index, isEmpty: HTMLParserRules.isEmpty(name), closedBy: closings[index])
            return (name, HTMLTag(name, parsing: parsing))
        })
    }()
}
