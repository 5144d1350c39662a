import JobFeedCore

/// The status page's two plots for one language, as inline SVG that scales to the screen:
/// open jobs over time, from the build history; and active postings closing in each of the
/// next weeks. Each has a title and a description that say in words what it draws.
struct StatusCharts {
    let page: StatusPage
    let language: String

    static let width = 480.0
    static let height = 180.0
    static let margin = (left: 40.0, right: 10.0, top: 14.0, bottom: 30.0)
    static let weeks = 8

    private var report: StatusReport { page.report }

    /// The history's points for the language, and the count now, when the last build is older.
    func series() -> [(at: Int64, count: Int)] {
        var points = report.history.points.compactMap { point in point.active[language].map { (point.at, $0) } }.filter { $0.0 <= report.now.seconds }
        let now = report.active(in: language).count
        if points.last.map({ $0.0 < report.now.seconds }) ?? true { points.append((report.now.seconds, now)) }
        return points
    }

    func openJobs(_ html: HTMLPageWriter) throws(XMLWriterError) {
        let points = series()
        guard points.count >= 2, let first = points.first, let last = points.last else {
            return try html.element(.p, text: "Not enough history yet: the plot starts once two builds have changed the outputs.")
        }
        let peak = points.map(\.count).max() ?? 0
        let description = "From \(page.day(Timestamp(seconds: first.at))) to \(page.day(Timestamp(seconds: last.at))), over \(points.count) builds: \(first.count) open at first, \(peak) at most, \(last.count) now."
        try figure(html, id: "open-\(language)", title: "Open jobs in \(language) over time", description: description) { () throws(XMLWriterError) in
            let top = Self.niceCeiling(peak)
            let span = Double(max(last.at - first.at, 1))
            // Steps, not slopes: the count holds from one build until the next changes it.
            var coordinates: [(x: Double, y: Double)] = []
            for point in points {
                let x = Self.margin.left + Double(point.at - first.at) / span * plotWidth
                if let previous = coordinates.last { coordinates.append((x, previous.y)) }
                coordinates.append((x, y(point.count, top: top)))
            }
            try axes(html, top: top, left: page.day(Timestamp(seconds: first.at)), right: page.day(Timestamp(seconds: last.at)))
            try html.svg(.polyline, [.class: "series", .points: coordinates.map { "\(Self.format($0.x)),\(Self.format($0.y))" }.joined(separator: " ")])
            if let end = coordinates.last {
                try html.svg(.circle, [.class: "series-end", .cx: Self.format(end.x), .cy: Self.format(end.y), .r: "4"])
            }
        }
    }

    func closings(_ html: HTMLPageWriter, active: [CatalogEntry]) throws(XMLWriterError) {
        var weeks = Array(repeating: 0, count: Self.weeks)
        var later = 0
        var undated = 0
        for entry in active {
            guard let closing = entry.posting.validThrough else { undated += 1; continue }
            let week = Int(max(0, closing.seconds - report.now.seconds) / (7 * 86_400))
            if week < Self.weeks { weeks[week] += 1 } else { later += 1 }
        }
        let description = "Active postings closing in each of the next \(Self.weeks) weeks: \(weeks.map(String.init).joined(separator: ", ")); \(later) close later and \(undated) have no closing date."
        try figure(html, id: "closings-\(language)", title: "Upcoming closings in \(language)", description: description) { () throws(XMLWriterError) in
            let top = Self.niceCeiling(weeks.max() ?? 0)
            try axes(html, top: top, left: "this week", right: "in \(Self.weeks) weeks")
            let slot = plotWidth / Double(Self.weeks)
            for (index, count) in weeks.enumerated() where count > 0 {
                let x = Self.margin.left + Double(index) * slot + slot * 0.15
                let barTop = y(count, top: top)
                try html.svg(.rect, [.class: "bar", .x: Self.format(x), .y: Self.format(barTop), .width: Self.format(slot * 0.7),
                                     .height: Self.format(Self.height - Self.margin.bottom - barTop)])
                try html.svg(.text, [.x: Self.format(x + slot * 0.35), .y: Self.format(barTop - 3), .textAnchor: "middle"], text: "\(count)")
            }
        }
    }

    private var plotWidth: Double { Self.width - Self.margin.left - Self.margin.right }

    private func y(_ count: Int, top: Int) -> Double {
        let plotHeight = Self.height - Self.margin.top - Self.margin.bottom
        return Self.margin.top + plotHeight * (1 - Double(count) / Double(max(top, 1)))
    }

    private func axes(_ html: HTMLPageWriter, top: Int, left: String, right: String) throws(XMLWriterError) {
        let bottom = Self.format(Self.height - Self.margin.bottom)
        try html.svg(.line, [.class: "axis", .x1: Self.format(Self.margin.left), .y1: Self.format(Self.margin.top), .x2: Self.format(Self.margin.left), .y2: bottom])
        try html.svg(.line, [.class: "axis", .x1: Self.format(Self.margin.left), .y1: bottom, .x2: Self.format(Self.width - Self.margin.right), .y2: bottom])
        try html.svg(.text, [.x: Self.format(Self.margin.left - 6), .y: Self.format(Self.margin.top + 5), .textAnchor: "end"], text: "\(top)")
        try html.svg(.text, [.x: Self.format(Self.margin.left - 6), .y: bottom, .textAnchor: "end"], text: "0")
        let labels = Self.format(Self.height - 8)
        try html.svg(.text, [.x: Self.format(Self.margin.left), .y: labels], text: left)
        try html.svg(.text, [.x: Self.format(Self.width - Self.margin.right), .y: labels, .textAnchor: "end"], text: right)
    }

    /// A figure whose SVG is labelled by its own title and description, and captioned in words.
    private func figure(_ html: HTMLPageWriter, id: String, title: String, description: String,
                        _ drawing: () throws(XMLWriterError) -> Void) throws(XMLWriterError) {
        try html.element(.figure) { () throws(XMLWriterError) in
            try html.svg(.svg, [.xmlns: "http://www.w3.org/2000/svg", .viewBox: "0 0 \(Int(Self.width)) \(Int(Self.height))",
                                .role: "img", .ariaLabelledBy: "\(id)-title \(id)-desc", .id: id]) { () throws(XMLWriterError) in
                try html.svg(.title, [.id: "\(id)-title"], text: title)
                try html.svg(.desc, [.id: "\(id)-desc"], text: description)
                try drawing()
            }
            try html.element(.figcaption, text: description)
        }
    }

    /// The axis top: the peak rounded up to 1, 2 or 5 times a power of ten (at least 1).
    static func niceCeiling(_ value: Int) -> Int {
        guard value > 1 else { return 1 }
        var scale = 1
        while true {
            for step in [1, 2, 5] where step * scale >= value { return step * scale }
            scale *= 10
        }
    }

    /// Coordinates with at most one decimal, so the same data is the same bytes.
    static func format(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
