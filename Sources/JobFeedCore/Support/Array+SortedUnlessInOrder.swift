extension Array {
    /// The elements sorted by `areInIncreasingOrder`, or as they are when each already follows
    /// the one before it: lists that are nearly always found in order (a folder walk's files,
    /// postings read in path order, paths taken from a sorted table) are then only compared,
    /// where a sort copied every element out and back.
    package func sortedUnlessInOrder(by areInIncreasingOrder: (Element, Element) -> Bool) -> [Element] {
        isInOrder(by: areInIncreasingOrder) ? self : sorted(by: areInIncreasingOrder)
    }

    /// `sortedUnlessInOrder(by:)`, in place.
    package mutating func sortUnlessInOrder(by areInIncreasingOrder: (Element, Element) -> Bool) {
        if !isInOrder(by: areInIncreasingOrder) { sort(by: areInIncreasingOrder) }
    }

    /// By index: a `zip` of the list with itself copied each element out, with its fields.
    private func isInOrder(by areInIncreasingOrder: (Element, Element) -> Bool) -> Bool {
        indices.dropFirst().allSatisfy { !areInIncreasingOrder(self[$0], self[$0 - 1]) }
    }
}
