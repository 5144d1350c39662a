import Foundation
import JobFeedCore

/// Template code left in a body copied from a Jekyll or Hugo page. jobfeed does not run
/// templates, so none of it may reach an output verbatim: a variable the config defines
/// (`{{ site.baseurl }}`, `{{ site.url }}`) is replaced by its value; any other Liquid output
/// (`{{ page.x }}`), Liquid tag (`{% if page.state == 'upcoming' %}`) or Hugo shortcode
/// (`{{< figure >}}`, `{{% note %}}`) is removed, with a warning at its line. The text between a
/// block's tags stays: dropping it could lose what the posting says.
package enum BodyChecks {
    /// `{{` or `{%`, searched in the string's bytes (Foundation's `contains` bridges through
    /// NSString, and the generic walk of `utf8` goes byte by byte through its iterator).
    package static func containsMarker(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count > 1 else { return false }
            for index in 1..<bytes.count where bytes[index - 1] == UInt8(ascii: "{") {
                if bytes[index] == UInt8(ascii: "{") || bytes[index] == UInt8(ascii: "%") { return true }
            }
            return false
        }
    }

    /// The values of the template variables a config defines: `site.baseurl` (the base URL's
    /// path, without its last `/`) and `site.url` (its scheme and host).
    package static func variables(for config: Config) -> [String: String] {
        guard let url = URL(string: config.baseURL), let scheme = url.scheme, let host = url.host else { return [:] }
        let origin = "\(scheme)://\(host)" + (url.port.map { ":\($0)" } ?? "")
        let path = url.path.hasSuffix("/") ? String(url.path.dropLast()) : url.path
        return ["site.baseurl": path, "site.url": origin, "site.base_url": path]
    }

    /// The body with its template code resolved or removed, and a warning for each removal.
    package static func resolveTemplateCode(in body: String, variables: [String: String], startLine: Int, file: String) -> (body: String, diagnostics: [Diagnostic]) {
        guard containsMarker(body) else { return (body, []) }
        var diagnostics: [Diagnostic] = []
        var lines: [String] = []
        for (offset, line) in body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var output = ""
            var rest = Substring(line)
            while let open = rest.range(of: "{{") ?? rest.range(of: "{%"), let tag = Self.tag(at: open.lowerBound, in: rest) {
                output += rest[..<open.lowerBound]
                let code = rest[open.lowerBound..<tag.end]
                if let value = tag.variable.flatMap({ variables[$0] }) {
                    output += value
                } else {
                    let column = line.distance(from: line.startIndex, to: open.lowerBound) + 1
                    diagnostics.append(.warning("template code '\(code.prefix(60))' removed; jobfeed does not run Jekyll or Hugo templates: replace it with the text it stands for (or define the variable)",
                                                at: SourceLocation(file: file, line: startLine + offset, column: column)))
                }
                rest = rest[tag.end...]
            }
            lines.append(output + rest)
        }
        return (lines.joined(separator: "\n"), diagnostics)
    }

    /// The end of a `{{ … }}` or `{% … %}` starting at `start`, and the variable an output tag
    /// names (`site.baseurl` in `{{ site.baseurl }}`, filters ignored).
    private static func tag(at start: Substring.Index, in text: Substring) -> (end: Substring.Index, variable: String?)? {
        let isOutput = text[start...].hasPrefix("{{")
        let closer = isOutput ? "}}" : "%}"
        guard let close = text[text.index(start, offsetBy: 2)...].range(of: closer) else { return nil }
        guard isOutput else { return (close.upperBound, nil) }
        let inner = text[text.index(start, offsetBy: 2)..<close.lowerBound]
        // Hugo shortcodes ({{< x >}}, {{% x %}}) are never variables.
        if inner.first == "<" || inner.first == "%" || inner.first == "-" && inner.dropFirst().first == "<" { return (close.upperBound, nil) }
        let name = inner.split(separator: "|").first.map { $0.trimmingCharacters(in: .whitespaces) }
        return (close.upperBound, name)
    }
}
