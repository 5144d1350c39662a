/// A place of work, as a postal address.
public struct Location: Sendable, Hashable {
    public var street: String?
    public var city: String?
    public var region: String?
    public var postalCode: String?
    public var country: String

    /// One line for CSV and summaries: "150 Elgin St, Ottawa, ON K2P 1L4, CA".
    public var singleLine: String {
        let regionAndCode = [region, postalCode].compactMap { $0 }.joined(separator: " ")
        return [street, city, regionAndCode.isEmpty ? nil : regionAndCode, country]
            .compactMap { $0 }.joined(separator: ", ")
    }

    package init(street: String? = nil, city: String? = nil, region: String? = nil, postalCode: String? = nil, country: String) {
        self.street = street
        self.city = city
        self.region = region
        self.postalCode = postalCode
        self.country = country
    }
}
