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
        ("---\ntitle: A\nno end", .unterminated),
        ("+++\ntitle = 'A'\n+++\n", .toml),
    ])
    func explainsWhatIsMissing(text: String, failure: FrontMatter.Failure) {
        #expect(throws: failure) { try FrontMatter.split(text).get() }
    }
}
