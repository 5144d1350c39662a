extension Posting {
    /// Gives the posting a new slug and makes its URLs again from the templates; an apply URL
    /// that was the posting's page follows it.
    package mutating func relink(slug: String, config: Config) {
        let oldURL = self.url
        let oldValues = self.linkValues
        let oldApply = config.urls.apply.flatMap { try? $0.expand(base: config.baseURL, values: { oldValues[$0] }).get() }
        self.slug = slug
        self.linkValues["slug"] = slug
        self.linkValues["name"] = slug.pathComponents().last.map(String.init)
        let values = self.linkValues
        // A page at its own path (Hugo's `url:`, Jekyll's `permalink:`) stays there.
        let madeByTemplate = (try? config.urls.posting.expand(base: config.baseURL, values: { oldValues[$0] }).get()) == oldURL
        if madeByTemplate, case let .success(url) = config.urls.posting.expand(base: config.baseURL, values: { values[$0] }) { self.url = url }
        if self.applyURL == oldURL {
            self.applyURL = self.url
        } else if self.applyURL == oldApply, let apply = config.urls.apply,
                  case let .success(url) = apply.expand(base: config.baseURL, values: { values[$0] }) {
            self.applyURL = url
        }
    }
}
