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

extension Unicode.Scalar {
    /// A character no reader shows as a glyph: a control (which XML cannot carry, and the
    /// feeds drop), a format character (zero-width spaces, direction marks, U+FEFF) or a
    /// noncharacter.
    package var isInvisible: Bool {
        switch properties.generalCategory {
        case .control, .format: true
        default: properties.isNoncharacterCodePoint
        }
    }
}

extension StringProtocol {
    /// Whether the text would show nothing to a reader: only white space and invisible characters.
    package var showsNothing: Bool {
        unicodeScalars.allSatisfy { $0.isSpace || $0.isInvisible }
    }

    /// The text without its invisible characters.
    package var withoutInvisibleCharacters: String {
        let text = String(self)
        if PublishedText.isPrintableASCII(text) { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.filter { !$0.isInvisible }))
    }
}
