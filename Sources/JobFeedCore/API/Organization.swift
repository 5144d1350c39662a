/// The employer that every posting is published for (`organization:`), named per language.
public struct Organization: Sendable {
    public var names: [String: String]
    public var url: String?
    public var logo: String?
    public var sameAs: [String]

    public func name(in language: String) -> String {
        names[language] ?? names.sorted { $0.key < $1.key }.first?.value ?? ""
    }

    package init(names: [String: String], url: String? = nil, logo: String? = nil, sameAs: [String]) {
        self.names = names
        self.url = url
        self.logo = logo
        self.sameAs = sameAs
    }
}
