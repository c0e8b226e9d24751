import Foundation
import PropertyBased
import Testing

@testable import PIAKit

/// A long document is parsed a piece at a time (``MarkdownParser/parse(_:chunkSize:)``); these
/// tests hold it to giving exactly the blocks of one parse of the whole text.
@Suite struct MarkdownChunkingTests {
  /// Pieces that end or hide a heading line in every way the block structure allows.
  static let snippets: [String] = [
    "# Heading one\n",
    "## Heading two\n\nA paragraph with *emphasis* and a [link](https://example.org).\n",
    "#\n",
    "###### Six\n",
    "####### seven hashes is a paragraph\n",
    "#not a heading\n",
    "Paragraph line\n# heading interrupts it\n",
    "Setext heading\n===\n",
    "```\n# inside a fence\n\n# still inside\n```\n",
    "~~~~ info\n# fenced with tildes\n~~~\n# still inside (short closer)\n~~~~\n",
    "```\n# a fence that never closes\n",
    "    # indented code\n\n    # more code\n",
    "<div>\n# inside an HTML block\n</div>\n",
    "<!--\n# inside a comment\n\n# still inside\n-->\n",
    "<script>\n# inside a script\n\n</script>\n",
    "<pre>\n# preformatted\n</pre>\n",
    "> # heading in a quote\n> text\n# after the quote\n",
    "> quoted paragraph\nlazy continuation\n",
    "- item\n\n  # heading in an item\n- second\n# after the list\n",
    "1. one\n2. two\n\n   ```\n   # fenced in an item\n   ```\n",
    "| a | b |\n| --- | :-: |\n| 1 | 2 |\n# heading ends the table\n",
    "| a |\n| --- |\n| x |\n",
    "Line one\\\nline two  \nline three\n",
    "<!-- pia:page-break -->\n",
    "<!-- a plain comment -->\n",
    "Windows line\r\n# heading after CRLF\r\n",
    "Old Mac line\r# heading after CR\r",
    "\n",
    "\n\n",
    "***\n",
    "Autolink www.example.com and ~~strike~~.\n",
  ]

  static func document(seed: UInt64, pieces: Int) -> String {
    var generator = SplitMix64(seed: seed)
    return (0..<pieces).map { _ in
      snippets[Int(generator.next() % UInt64(snippets.count))]
    }.joined()
  }

  static func parse(_ text: String, chunkSize: Int) throws -> [Block] {
    var text = text
    return try text.withUTF8 {
      try MarkdownParser.parse($0, chunkSize: chunkSize, file: "chunks.md").document.blocks
    }
  }

  @Test func randomDocumentsParseTheSameInPieces() async {
    await propertyCheck(count: 400, input: Gen.uint64()) { seed in
      let text = Self.document(seed: seed, pieces: 40)
      let whole = try Self.parse(text, chunkSize: .max)
      for chunkSize in [1, 7, 64, 300] {
        #expect(try Self.parse(text, chunkSize: chunkSize) == whole, "seed \(seed), \(chunkSize)")
      }
    }
  }

  @Test func aLongReportParsesTheSameInPieces() throws {
    let section = (1...40).map { "| \($0) | value \($0) with `code` |" }.joined(separator: "\n")
    let text = (1...500).map {
      "## Section \($0)\n\nSome *text* here.\n\n| n | v |\n| --- | --- |\n\(section)\n\n"
    }.joined()
    #expect(text.utf8.count > 4 * MarkdownParser.defaultChunkSize)
    let whole = try Self.parse(text, chunkSize: .max)
    #expect(try MarkdownParser.parse(text).blocks == whole)
    #expect(whole.count == 1500)
  }

  @Test func errorsNameTheLineInTheWholeText() {
    let text = String(repeating: "# Heading\n\ntext\n\n", count: 50) + "<!-- pia:nonsense -->\n"
    #expect(throws: MarkdownParser.ParseError.self) { try Self.parse(text, chunkSize: 16) }
    do {
      _ = try Self.parse(text, chunkSize: 16)
    } catch let error as MarkdownParser.ParseError {
      #expect(error.line == 201)
    } catch {
      Issue.record("unexpected error \(error)")
    }
  }

  @Test func linkReferenceDefinitionsReachAcrossTheDocument() throws {
    // The definition comes after the use and after several headings: it must still apply.
    let text =
      String(repeating: "# Part\n\nSee [the act][mfippa].\n\n", count: 20)
      + "[mfippa]: https://www.ontario.ca/laws/statute/90m56\n"
    let blocks = try Self.parse(text, chunkSize: 8)
    guard case .paragraph(let inlines) = blocks[1] else {
      Issue.record("expected a paragraph, got \(blocks[1])")
      return
    }
    #expect(
      inlines.contains(
        .link(
          destination: "https://www.ontario.ca/laws/statute/90m56", title: "",
          [.text("the act")])))
  }
}
