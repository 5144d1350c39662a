import Foundation

/// Checks on a posting's Markdown body.
enum BodyChecks {
    static let templateMarkers = ["{{", "{%"]

    /// `{{` or `{%`, searched in bytes (Foundation's `contains` bridges through NSString).
    static func containsMarker(_ bytes: String.UTF8View) -> Bool {
        var previous: UInt8 = 0
        for byte in bytes {
            if previous == UInt8(ascii: "{") && (byte == UInt8(ascii: "{") || byte == UInt8(ascii: "%")) { return true }
            previous = byte
        }
        return false
    }

    /// Warns about Liquid or Go template code left in a body copied from a Jekyll or Hugo page:
    /// jobfeed does not run templates, so readers would see `{{ site.baseurl }}` as text.
    static func templateCode(in body: String, startLine: Int, file: String) -> [Diagnostic] {
        guard containsMarker(body.utf8) else { return [] }
        var diagnostics: [Diagnostic] = []
        for (offset, line) in body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard let marker = templateMarkers.compactMap({ line.range(of: $0) }).min(by: { $0.lowerBound < $1.lowerBound }) else { continue }
            let column = line.distance(from: line.startIndex, to: marker.lowerBound) + 1
            let snippet = line[marker.lowerBound...].prefix(40)
            diagnostics.append(.warning("unresolved template code '\(snippet)'; jobfeed does not run Jekyll or Hugo templates: replace it with the text or URL it stands for",
                                        at: SourceLocation(file: file, line: startLine + offset, column: column)))
        }
        return diagnostics
    }
}

