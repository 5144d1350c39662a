extension StringProtocol {
    /// Without leading and trailing white space, computed natively: `trimmingCharacters(in:)`
    /// bridges through NSString on Linux, which showed up in profiles.
    package var trimmed: String {
        let scalars = unicodeScalars
        // Most values have nothing to trim: copying no scalars is what makes this fast.
        if let first = scalars.first, !first.isSpace, let last = scalars.last, !last.isSpace { return String(self) }
        guard let first = scalars.firstIndex(where: { !$0.isSpace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.isSpace })!
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}

extension Unicode.Scalar {
    /// White space by Unicode's definition, with a fast path for ASCII.
    package var isSpace: Bool {
        value < 0x80 ? (value == 0x20 || (0x09...0x0D).contains(value)) : properties.isWhitespace
    }
}
