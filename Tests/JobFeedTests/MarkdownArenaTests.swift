import Foundation
import Testing
import JobFeed

/// A document's cmark memory is its thread's arena (`MarkdownArena`), given back whole: text
/// larger than one of its blocks, buffers that grow past one, and thousands of nodes render as
/// they read, and a document after a large one renders as it would alone.
@Suite struct MarkdownArenaTests {
    let markdown = BodyRenderer().markdown

    func html(_ text: String) throws -> String {
        String(decoding: try markdown.html(from: text), as: UTF8.self)
    }

    @Test func aParagraphLargerThanABlockRendersWhole() throws {
        // 300,000 bytes: the parser's input and the paragraph's buffer outgrow a 64 KiB block.
        let text = Array(repeating: "word", count: 60_000).joined(separator: " ")
        #expect(try html(text) == "<p>\(text)</p>\n")
    }

    @Test func aTableOfThousandsOfRowsKeepsEveryRow() throws {
        let rows = (0..<3_000).map { "| r\($0) | ~~s\($0)~~ |" }
        let rendered = try html("| a | b |\n|---|---|\n" + rows.joined(separator: "\n"))
        #expect(rendered.components(separatedBy: "<tr>").count - 1 == 3_001)
        #expect(rendered.contains("<td>r2999</td>\n<td><del>s2999</del></td>"))
    }

    @Test func aSmallDocumentAfterALargeOneRendersAsAlone() throws {
        let small = "Hello *there*, ~~gone~~ www.example.org"
        let alone = try html(small)
        _ = try html(Array(repeating: "- item with `code` and **bold**", count: 5_000).joined(separator: "\n"))
        #expect(try html(small) == alone)
        #expect(alone == "<p>Hello <em>there</em>, <del>gone</del> <a href=\"http://www.example.org\">www.example.org</a></p>\n")
    }
}

/// The arena's `calloc` and `realloc` as cmark calls them: zeroed, aligned blocks that never
/// overlap, grown in place when last and copied otherwise, their bytes kept either way.
@Suite struct MarkdownArenaAllocationTests {
    func bytes(_ block: UnsafeMutableRawPointer, _ range: Range<Int>) -> [UInt8] {
        range.map { block.load(fromByteOffset: $0, as: UInt8.self) }
    }

    @Test func blocksAreZeroedAlignedAndApart() {
        MarkdownArena.withArena {
            // Two larger than a 64 KiB block, between small ones.
            let sizes = [1, 15, 16, 17, 100, 70_000, 3, 200_000, 8]
            var blocks: [(block: UnsafeMutableRawPointer, size: Int)] = []
            for (index, size) in sizes.enumerated() {
                let block = MarkdownArena.allocate(count: 1, size: size)
                #expect(Int(bitPattern: block) % 16 == 0)
                #expect(bytes(block, 0..<size).allSatisfy { $0 == 0 })
                block.initializeMemory(as: UInt8.self, repeating: UInt8(index + 1), count: size)
                blocks.append((block, size))
            }
            for (index, (block, size)) in blocks.enumerated() {
                #expect(bytes(block, 0..<size).allSatisfy { $0 == UInt8(index + 1) })
            }
        }
    }

    @Test func growingKeepsTheBytesInPlaceOrCopied() {
        MarkdownArena.withArena {
            let first = MarkdownArena.allocate(count: 10, size: 10)
            first.initializeMemory(as: UInt8.self, repeating: 1, count: 100)
            // The last block grows where it lies.
            let grown = MarkdownArena.reallocate(first, to: 1_000)
            #expect(grown == first)
            #expect(bytes(grown, 0..<100).allSatisfy { $0 == 1 } && bytes(grown, 100..<1_000).allSatisfy { $0 == 0 })
            grown.initializeMemory(as: UInt8.self, repeating: 2, count: 1_000)
            // The next block starts past the grown one.
            let next = MarkdownArena.allocate(count: 1, size: 16)
            next.initializeMemory(as: UInt8.self, repeating: 3, count: 16)
            #expect(bytes(grown, 0..<1_000).allSatisfy { $0 == 2 })
            // No longer the last: copied, every byte kept; past a block's size too.
            let copied = MarkdownArena.reallocate(grown, to: 5_000)
            #expect(copied != grown)
            #expect(bytes(copied, 0..<1_000).allSatisfy { $0 == 2 } && bytes(copied, 1_000..<5_000).allSatisfy { $0 == 0 })
            let large = MarkdownArena.reallocate(next, to: 100_000)
            #expect(bytes(large, 0..<16).allSatisfy { $0 == 3 } && bytes(large, 16..<100_000).allSatisfy { $0 == 0 })
            #expect(MarkdownArena.reallocate(nil, to: 32) != large)
        }
    }
}
