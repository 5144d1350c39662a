import Foundation
import Testing
import JobFeed

/// JSON-LD documents and JSON Feed items are written by `JSONText`, byte for byte as Foundation's
/// `JSONEncoder` wrote them before (sorted keys, slashes unescaped; JSON-LD pretty-printed and
/// made safe inside `<script>`). `JSONEncoder` over the same typed values is the oracle.
@Suite struct JSONTextTests {
    enum Corpus: String, CaseIterable, CustomTestStringConvertible {
        case sample, hostile, real
        var testDescription: String { rawValue }
    }

    @Test(arguments: Corpus.allCases)
    func postingsAreWrittenAsJSONEncoderWroteThem(corpus: Corpus) throws {
        guard let (config, cleanUp) = try Self.config(corpus) else { return }
        defer { cleanUp() }
        let entries = try Publisher(config: config, now: TemporarySite.now).check().catalog.entries
        #expect(entries.count >= (corpus == .real ? 290 : 9))
        let documents = JSONLDRenderer(config: config)
        let feed = JSONFeedFormat(config: config)
        for entry in entries {
            let rendered = RenderedEntry(entry: entry, body: try BodyRenderer().render(entry.posting))
            var model = documents.model(rendered)
            model.context = JSONLDRenderer.context
            let file = entry.posting.source.displayPath
            #expect(documents.posting(rendered) == Self.scriptSafe(try Self.encoded(model, pretty: true)) + Data("\n".utf8), "\(file)")
            let item = try Self.encoded(feed.item(rendered), pretty: false)
            var written = JSONText(pretty: false, scriptSafe: false)
            written.value(feed.item(rendered))
            #expect(Data(written.bytes) == item, "\(file)")
            if entry.status == .active { #expect(try feed.part(rendered) == item, "\(file)") }
        }
    }

    /// Every control character, quotes, backslashes, what `<script>` must not see, and
    /// characters beyond the BMP; numbers as salaries are (fractions, large and tiny values);
    /// empty and nested containers.
    @Test(arguments: [0, 1, 1.5, 0.1, 85_000.25, 128_078, 1e15, 1e16, 1e21, 123_456_789.123, 5e-7, 0.30000000000000004, -2.5])
    func awkwardValuesAreWrittenAsJSONEncoderWroteThem(number: Double) throws {
        var text = ""
        for code in 0..<0x80 { text.unicodeScalars.append(Unicode.Scalar(code)!) }
        text += "é\u{2028}\u{2029}\u{FEFF}😀</script><!--&"
        let value: [String: [[String]]] = ["a": [[], [text, ""]], "b": []]
        for pretty in [true, false] {
            var json = JSONText(pretty: pretty, scriptSafe: false)
            json.object { json in
                json.key("a"); json.array([[], [text, ""]]) { $0.strings($1) }
                json.key("b"); json.strings([])
            }
            #expect(Data(json.bytes) == (try Self.encoded(value, pretty: pretty)))
            var numbers = JSONText(pretty: pretty, scriptSafe: true)
            numbers.array([number, -number]) { $0.number($1) }
            #expect(Data(numbers.bytes) == (try Self.encoded([number, -number], pretty: pretty)))
        }
        var safe = JSONText(pretty: true, scriptSafe: true)
        safe.strings([text])
        #expect(Data(safe.bytes) == Self.scriptSafe(try Self.encoded([text], pretty: true)))
        #expect(!String(decoding: safe.bytes, as: UTF8.self).contains("<"))
    }

    static func encoded(_ value: some Encodable, pretty: Bool) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    /// `<`, `>`, `&`, U+2028 and U+2029 escaped after encoding, as the renderer once did.
    static func scriptSafe(_ json: Data) -> Data {
        let text = String(decoding: json, as: UTF8.self)
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "<", ">", "&", "\u{2028}", "\u{2029}": escaped += String(format: "\\u%04x", scalar.value)
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return Data(escaped.utf8)
    }

    static func config(_ corpus: Corpus) throws -> (Config, () -> Void)? {
        switch corpus {
        case .sample:
            return (try Config.load(from: Repository.root.appendingPathComponent("jobfeed.yml")), {})
        case .real:
            guard RealCorpusTests.present else { return nil }
            let scratch = ScratchPath.unused("json")
            let overrides = FolderOverrides(postings: RealCorpusTests.corpus.path, feeds: scratch.appendingPathComponent("feeds").path,
                                            exports: scratch.appendingPathComponent("exports").path, state: scratch.appendingPathComponent("state").path)
            let config = try Config.load(from: Repository.root.appendingPathComponent("Tests/RealCorpus/cds.yml"), overrides: overrides)
            return (config, { try? FileManager.default.removeItem(at: scratch) })
        case .hostile:
            let site = try TemporarySite()
            let fixtures = try FileManager.default.contentsOfDirectory(atPath: HostileInputTests.folder.path).filter { $0.hasSuffix(".md") }
            try FileManager.default.createDirectory(at: site.root.appendingPathComponent("postings/en"), withIntermediateDirectories: true)
            for name in fixtures {
                try FileManager.default.copyItem(at: HostileInputTests.folder.appendingPathComponent(name),
                                                 to: site.root.appendingPathComponent("postings/en/" + name))
            }
            return (try site.config(), site.remove)
        }
    }
}
