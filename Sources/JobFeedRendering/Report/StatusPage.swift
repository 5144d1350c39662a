import Foundation
import JobFeedCore

/// `jobfeed report`'s page: one self-contained HTML file (inline CSS and SVG, no script, no
/// network) saying where the site stands, readable on a phone and by a screen reader: headed
/// sections, tables with header cells, and a text alternative for every plot.
package struct StatusPage {
    package let report: StatusReport
    package let config: Config

    package init(report: StatusReport, config: Config) {
        self.report = report
        self.config = config
    }

    package func render() throws(XMLWriterError) -> Data {
        let page = try HTMLPageWriter()
        let language = config.languages.first?.locale ?? "en"
        try page.element(.html, [.lang: language]) { () throws(XMLWriterError) in
            try page.element(.head) { () throws(XMLWriterError) in
                try page.element(.meta, [.charset: "utf-8"])
                try page.element(.meta, [.name: "viewport", .content: "width=device-width, initial-scale=1"])
                try page.element(.title, text: "Job postings report: \(siteName), \(day(report.now))")
                try page.element(.style, text: StatusPageStyle.css)
            }
            try page.element(.body) { () throws(XMLWriterError) in
                try page.element(.header) { () throws(XMLWriterError) in
                    try page.element(.h1, text: "Job postings report")
                    try page.element(.p) { () throws(XMLWriterError) in
                        try page.text("\(siteName), as of ")
                        try page.element(.time, [.datetime: DateFormats.iso8601(report.now, in: config.timeZone)],
                                         text: "\(day(report.now)) \(clock(report.now)) (\(config.timeZone.identifier))")
                    }
                }
                try page.element(.main) { () throws(XMLWriterError) in
                    try summary(page)
                    for language in report.languages { try LanguageSection(page: self, language: language).write(page) }
                    try problems(page)
                }
                try page.element(.footer) { () throws(XMLWriterError) in
                    try page.element(.p, text: "Made by jobfeed \(Generator.version) from the postings as they are now and the build history in the state folder.")
                }
            }
        }
        return Data(try page.finish())
    }

    private var siteName: String { config.organization.name(in: config.languages.first?.code ?? "") }

    private func summary(_ page: HTMLPageWriter) throws(XMLWriterError) {
        try page.element(.section, [.ariaLabelledBy: "summary"]) { () throws(XMLWriterError) in
            try page.element(.h2, [.id: "summary"], text: "Summary")
            try page.element(.div, [.class: "scroll"]) { () throws(XMLWriterError) in
                try page.element(.table, [.id: "counts"]) { () throws(XMLWriterError) in
                    try page.element(.caption, text: "Postings by language and status")
                    try page.element(.thead) { () throws(XMLWriterError) in
                        try page.element(.tr) { () throws(XMLWriterError) in
                            try page.element(.th, [.scope: "col"], text: "Language")
                            for status in PostingStatus.allCases { try page.element(.th, [.scope: "col"], text: status.rawValue) }
                        }
                    }
                    try page.element(.tbody) { () throws(XMLWriterError) in
                        for language in report.languages {
                            try page.element(.tr) { () throws(XMLWriterError) in
                                try page.element(.th, [.scope: "row"], text: language.code)
                                for status in PostingStatus.allCases {
                                    let count = report.count(status, in: language.code)
                                    try page.element(.td, [.id: "count-\(language.code)-\(status.rawValue)", .dataCount: "\(count)"], text: "\(count)")
                                }
                            }
                        }
                    }
                }
            }
            try page.element(.p) { () throws(XMLWriterError) in
                try page.text("Translation pairs: ")
                try page.element(.strong, [.id: "translation-pairs"], text: "\(report.translationPairs)")
            }
            let errors = report.diagnostics.filter { $0.severity == .error }.count
            try page.element(.p) { () throws(XMLWriterError) in
                try page.element(.a, [.href: "#problems"]) { () throws(XMLWriterError) in
                    try page.element(.strong, [.id: "error-count"], text: "\(errors)")
                    try page.text(" errors, ")
                    try page.element(.strong, [.id: "warning-count"], text: "\(report.diagnostics.count - errors)")
                    try page.text(" warnings")
                }
            }
        }
    }

    private func problems(_ page: HTMLPageWriter) throws(XMLWriterError) {
        try page.element(.section, [.ariaLabelledBy: "problems"]) { () throws(XMLWriterError) in
            try page.element(.h2, [.id: "problems"], text: "Errors and warnings")
            guard !report.diagnostics.isEmpty else { return try page.element(.p, text: "None: every posting reads cleanly.") }
            try page.element(.div, [.class: "scroll"]) { () throws(XMLWriterError) in
                try page.element(.table, [.id: "diagnostics"]) { () throws(XMLWriterError) in
                    try page.element(.caption, text: "What check and build report now")
                    try page.element(.thead) { () throws(XMLWriterError) in
                        try page.element(.tr) { () throws(XMLWriterError) in
                            for heading in ["Severity", "Where", "Message"] { try page.element(.th, [.scope: "col"], text: heading) }
                        }
                    }
                    try page.element(.tbody) { () throws(XMLWriterError) in
                        for diagnostic in report.diagnostics {
                            try page.element(.tr, [.class: diagnostic.severity.rawValue]) { () throws(XMLWriterError) in
                                try page.element(.td) { () throws(XMLWriterError) in try page.element(.strong, text: diagnostic.severity.rawValue) }
                                try page.element(.td) { () throws(XMLWriterError) in try page.element(.code, text: diagnostic.location.description) }
                                try page.element(.td, text: diagnostic.message)
                            }
                        }
                    }
                }
            }
        }
    }

    func day(_ time: Timestamp) -> String { DateFormats.calendarDate(time, in: config.timeZone) }

    func clock(_ time: Timestamp) -> String { String(DateFormats.iso8601(time, in: config.timeZone).dropFirst(11).prefix(5)) }
}
