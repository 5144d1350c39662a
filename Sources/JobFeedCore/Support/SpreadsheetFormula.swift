/// What a spreadsheet runs as a formula when a cell starts with it (OWASP's list, with the
/// full-width forms that some spreadsheets fold to ASCII): the CSV export neutralizes such
/// cells, and reading warns about them. Checked on the first Unicode scalar: "=" followed by a
/// combining mark is one `Character`, but a spreadsheet still sees a formula.
package enum SpreadsheetFormula {
    package static let starts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠"]
}
