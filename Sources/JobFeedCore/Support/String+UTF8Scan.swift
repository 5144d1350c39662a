extension String {
    /// Whether any UTF-8 byte passes `test`, read straight from the string's storage: the
    /// generic walk of `utf8` went byte by byte through its iterator, and showed up in
    /// profiles on long bodies. Bridged strings without contiguous storage take the walk.
    @inlinable
    package func containsUTF8Byte(where test: (UInt8) -> Bool) -> Bool {
        if let found = utf8.withContiguousStorageIfAvailable({ $0.contains(where: test) }) { return found }
        return utf8.contains(where: test)
    }
}
