import Foundation
import JobFeedCore

/// Explains where a file stops being UTF-8, so the author can find the bad bytes.
package enum TextDecoding {
    package static func invalidUTF8(_ data: Data, file: String) -> Diagnostic {
        if data.prefix(8192).contains(0) {
            return .error("this looks like a binary file, not Markdown text; remove it from the postings folder or give it another extension", at: SourceLocation(file: file))
        }
        var line = 1
        var column = 1
        var iterator = data.makeIterator()
        var decoder = UTF8()
        decoding: while true {
            switch decoder.decode(&iterator) {
            case let .scalarValue(scalar):
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            case .emptyInput, .error:
                break decoding
            }
        }
        return .error("the file is not valid UTF-8 text; re-save it as UTF-8 (bad bytes near here)",
                      at: SourceLocation(file: file, line: line, column: column))
    }
}
