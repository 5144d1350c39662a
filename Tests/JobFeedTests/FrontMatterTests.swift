import Testing
import JobFeed

@Suite struct FrontMatterTests {
    @Test func splitsYAMLFromTheBody() throws {
        let split = try FrontMatter.split("---\ntitle: A\n---\nBody\n").get()
        #expect(split.yaml == "title: A")
        #expect(split.body == "Body\n")
    }

    @Test func toleratesAByteOrderMarkAndCRLF() throws {
        let split = try FrontMatter.split("\u{FEFF}---\r\ntitle: A\r\n---\r\nBody\r\n").get()
        #expect(split.yaml == "title: A")
        #expect(split.body == "Body\n")
    }

    @Test(arguments: [
        ("", FrontMatter.Failure.empty),
        ("Just text", .missing),
        ("---\ntitle: A\nno end", .unterminated(fence: "---")),
        ("+++\ntitle = 'A'\nno end", .unterminated(fence: "+++")),
        ("+++\ntitle = 'A\n+++\n", .invalidTOML(TOMLError(message: "the string is not closed on its line", position: TOMLPosition(line: 1, column: 11)))),
        ("{\n  \"title\": \"A\"\nBody\n", .unclosedJSON),
        ("{\"title\": \"}\\\"}\"\nBody\n", .unclosedJSON),
    ])
    func explainsWhatIsMissing(text: String, failure: FrontMatter.Failure) {
        #expect(throws: failure) { try FrontMatter.split(text).get() }
    }

    /// Hugo's JSON front matter: the object ends at the brace that closes it, not at the first
    /// `}` (one in a string, after an escaped quote, or closing a nested object).
    @Test func splitsAJSONObjectFromTheBody() throws {
        let json = "{\n  \"title\": \"A {b} \\\"c}\\\"\",\n  \"location\": {\"city\": \"Ottawa\"}\n}"
        let split = try FrontMatter.split("\u{FEFF}" + json + "  \r\nBody }\n").get()
        #expect(split.yaml == json)
        #expect(split.body == "Body }\n")
        #expect(split.bodyStartLine == 5)
        #expect(split.yamlLineOffset == 0)
    }

    @Test func aBodyOnTheClosingBracesLineStartsRightAfterIt() throws {
        let split = try FrontMatter.split("{\"title\":\"A\"} Body\n").get()
        #expect(split.yaml == "{\"title\":\"A\"}")
        #expect(split.body == " Body\n")
        #expect(split.bodyStartLine == 1)
    }
}
