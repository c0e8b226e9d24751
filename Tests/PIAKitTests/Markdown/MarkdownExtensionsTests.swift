import Foundation
import Testing

@testable import PIAKit

/// Footnotes, task lists, list delimiters and images in the parsed tree.
@Suite struct MarkdownExtensionsTests {
  @Test func footnotesAreNumberedInOrderOfFirstReference() throws {
    let document = try MarkdownParser.parse(
      """
      First[^b], second[^a], again[^b], missing[^none].

      [^a]: Note *a*
          with a second line.

          And a second paragraph.
      [^b]: https://example.org/only-a-url
      [^unused]: Never referenced.

      """)
    #expect(
      document.blocks == [
        .paragraph([
          .text("First"), .footnoteReference(1), .text(", second"), .footnoteReference(2),
          .text(", again"), .footnoteReference(1), .text(", missing[^none]."),
        ])
      ])
    #expect(document.footnotes.count == 2)
    #expect(document.footnotes[0].plainText == "https://example.org/only-a-url")
    #expect(document.footnotes[1].count == 2)
    #expect(document.footnotes[1].first?.plainText == "Note a with a second line.")
  }

  @Test func taskListItemsHaveCheckboxes() throws {
    let document = try MarkdownParser.parse("- [x] done\n- [ ] to do\n- plain\n")
    guard case .list(let list)? = document.blocks.first else {
      Issue.record("no list")
      return
    }
    #expect(list.checkboxes == [true, false, nil])
    #expect(list.items.map(\.plainText) == ["done", "to do", "plain"])
    let plain = try MarkdownParser.parse("- a\n- b\n")
    guard case .list(let other)? = plain.blocks.first else { return }
    #expect(other.checkboxes.isEmpty)
  }

  @Test func parenthesisDelimiterIsKept() throws {
    let document = try MarkdownParser.parse("7) seven\n8) eight\n\n1. one\n")
    let delimiters = document.blocks.compactMap { block -> List.Delimiter? in
      if case .list(let list) = block { return list.delimiter }
      return nil
    }
    #expect(delimiters == [.parenthesis, .period])
  }

  @Test func imagesKeepSourceTitleAltAndPosition() throws {
    let document = try MarkdownParser.parse("Intro\n\nSee ![A *chart*](img/c.png \"Flows\").\n")
    #expect(
      document.blocks[1]
        == .paragraph([
          .text("See "),
          .image(
            Image(
              source: "img/c.png", title: "Flows",
              alt: [.text("A "), .emphasis([.text("chart")])],
              position: SourcePosition(line: 3, column: 5))),
          .text("."),
        ]))
  }

  @Test func footnoteDefinitionsKeepALongDocumentInOnePiece() throws {
    var text = ""
    for number in 1...200 {
      text +=
        "# Section \(number)\n\nText with a note[^n\(number)].\n\n[^n\(number)]: Note \(number).\n\n"
    }
    var bytes = text
    let pieces = try bytes.withUTF8 {
      try MarkdownParser.parse($0, chunkSize: 512, file: "long.md").document
    }
    #expect(pieces == (try MarkdownParser.parse(text)))
    #expect(pieces.footnotes.count == 200)
    #expect(pieces.footnotes[199].plainText == "Note 200.")
  }
}
