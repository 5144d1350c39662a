import JobFeedCore

/// What must hold of the CSV whatever the postings held, read as any RFC 4180 reader would.
package enum CSVShape {
    /// Every record has the header's width and no cell starts like a formula. Reads Unicode
    /// scalars, as spreadsheets and CSV libraries do: read as Swift `Character`s, a comma
    /// followed by a combining mark is one grapheme and the comma would go unseen.
    package static func problems(_ text: String) -> [String] {
        var widths = Set<Int>()
        var problems: [String] = []
        var cells = 0
        var cell = String.UnicodeScalarView()
        var quoted = false
        var previous: Unicode.Scalar?
        func endCell() {
            if let first = cell.first, SpreadsheetFormula.starts.contains(first) { problems.append("formula cell") }
            cells += 1
            cell = String.UnicodeScalarView()
        }
        for scalar in text.unicodeScalars {
            if quoted {
                if scalar == "\"" { quoted = false } else { cell.append(scalar) }
            } else if scalar == "\"" {
                if previous == "\"" { cell.append("\"") }
                quoted = true
            } else if scalar == "," {
                endCell()
            } else if scalar == "\n" && previous == "\r" {
                endCell()
                widths.insert(cells)
                cells = 0
            } else if scalar != "\r" {
                cell.append(scalar)
            }
            previous = scalar
        }
        if quoted { problems.append("unterminated quoted cell") }
        if widths.count > 1 { problems.append("records of different widths \(widths.sorted())") }
        return problems
    }
}
