import Foundation
import Testing
@_spi(Specialized) import JobFeedRendering

/// A posting's parts by kind, as the writers look them up.
@Suite struct FormatPartsTests {
    @Test func eachKindHoldsItsLastPart() {
        var parts = FormatParts(capacity: 2)
        #expect(parts[kind: "rss"] == nil)
        parts[kind: "rss"] = FormatPart(data: Data("<item/>".utf8))
        parts[kind: "csv"] = FormatPart(data: Data("a,b\r\n".utf8))
        parts[kind: "jsonld-document-with-a-long-kind"] = FormatPart(data: Data("{}".utf8))
        parts[kind: "rss"] = FormatPart(data: Data("<item>2</item>".utf8))
        #expect(parts[kind: "rss"]?.data() == Data("<item>2</item>".utf8))
        #expect(parts[kind: "csv"]?.data() == Data("a,b\r\n".utf8))
        #expect(parts[kind: "jsonld-document-with-a-long-kind"]?.length == 2)
        #expect(parts.values.count == 3)
        parts[kind: "csv"] = nil
        parts[kind: "atom"] = nil
        #expect(parts[kind: "csv"] == nil)
        #expect(parts.values.map(\.length) == [14, 2])
    }
}
