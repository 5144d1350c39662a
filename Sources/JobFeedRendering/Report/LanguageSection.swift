import JobFeedCore

/// One language's part of the status page: its plots, its active postings by closing date,
/// and those that lack what Google's guidelines ask for.
struct LanguageSection {
    let page: StatusPage
    let language: LanguageConfig

    private var report: StatusReport { page.report }
    private var code: String { language.code }

    func write(_ html: HTMLPageWriter) throws(XMLWriterError) {
        let active = report.active(in: code)
        try html.element(.section, [.ariaLabelledBy: "language-\(code)"]) { () throws(XMLWriterError) in
            try html.element(.h2, [.id: "language-\(code)"], text: "\(language.feedTitle) (\(code))")
            try html.element(.h3, text: "Open jobs over time")
            try StatusCharts(page: page, language: code).openJobs(html)
            try html.element(.h3, text: "Upcoming closings")
            try StatusCharts(page: page, language: code).closings(html, active: active)
            try html.element(.h3, text: "Active postings")
            try postings(html, active)
            try html.element(.h3, text: "Incomplete for Google")
            try incomplete(html, active)
        }
    }

    private func postings(_ html: HTMLPageWriter, _ active: [CatalogEntry]) throws(XMLWriterError) {
        guard !active.isEmpty else { return try html.element(.p, text: "No active postings.") }
        try table(html, id: "active-\(code)", caption: "\(active.count) active postings, soonest closing first",
                  headings: ["Title", "Closes", "Time left"]) { () throws(XMLWriterError) in
            for entry in active {
                let soon = report.closesSoon(entry)
                try html.element(.tr, soon ? [.class: "soon"] : [:]) { () throws(XMLWriterError) in
                    try html.element(.th, [.scope: "row"]) { () throws(XMLWriterError) in
                        // Only web links: a page an operator opens must not carry a `javascript:` one.
                        let url = entry.posting.url
                        if url.hasPrefix("https://") || url.hasPrefix("http://") {
                            try html.element(.a, [.href: url], text: entry.posting.title)
                        } else {
                            try html.text(entry.posting.title)
                        }
                    }
                    try html.element(.td, text: entry.posting.validThrough.map(page.day) ?? "no closing date")
                    try html.element(.td) { () throws(XMLWriterError) in
                        guard let closing = entry.posting.validThrough else { return try html.text("open until filled") }
                        let days = (closing.seconds - report.now.seconds) / 86_400
                        try html.text(days == 0 ? "closes today" : days == 1 ? "1 day" : "\(days) days")
                        if soon { try html.element(.strong, [.class: "flag"], text: " closes within 7 days") }
                    }
                }
            }
        }
    }

    private func incomplete(_ html: HTMLPageWriter, _ active: [CatalogEntry]) throws(XMLWriterError) {
        let renderer = JSONLDRenderer(config: page.config)
        let lacking = active.compactMap { entry -> (CatalogEntry, [String])? in
            let missing = renderer.model(RenderedEntry(entry: entry, body: .unrendered)).missingProperties
            return missing.isEmpty ? nil : (entry, missing)
        }
        guard !lacking.isEmpty else {
            return try html.element(.p, text: "Every active posting has the properties Google's job-posting guidelines recommend.")
        }
        try table(html, id: "incomplete-\(code)", caption: "\(lacking.count) active postings lack properties Google recommends",
                  headings: ["Title", "File", "Missing"]) { () throws(XMLWriterError) in
            for (entry, missing) in lacking {
                try html.element(.tr) { () throws(XMLWriterError) in
                    try html.element(.th, [.scope: "row"], text: entry.posting.title)
                    try html.element(.td) { () throws(XMLWriterError) in try html.element(.code, text: entry.posting.source.displayPath) }
                    try html.element(.td, text: missing.joined(separator: ", "))
                }
            }
        }
    }

    /// A table in a box that scrolls sideways on a narrow screen instead of the page.
    private func table(_ html: HTMLPageWriter, id: String, caption: String, headings: [String],
                       rows: () throws(XMLWriterError) -> Void) throws(XMLWriterError) {
        try html.element(.div, [.class: "scroll"]) { () throws(XMLWriterError) in
            try html.element(.table, [.id: id]) { () throws(XMLWriterError) in
                try html.element(.caption, text: caption)
                try html.element(.thead) { () throws(XMLWriterError) in
                    try html.element(.tr) { () throws(XMLWriterError) in
                        for heading in headings { try html.element(.th, [.scope: "col"], text: heading) }
                    }
                }
                try html.element(.tbody, [:], rows)
            }
        }
    }
}
