import Testing

@testable import PIAKit

@Suite struct MarkdownParserTests {
  @Test func headingsAndInlines() throws {
    let document = try MarkdownParser.parse(
      "# Title\n\n## Sub *it* **bold** ~~gone~~ `code` [l](https://x.org \"t\")\n")
    #expect(
      document.blocks == [
        .heading(level: 1, [.text("Title")]),
        .heading(
          level: 2,
          [
            .text("Sub "), .emphasis([.text("it")]), .text(" "), .strong([.text("bold")]),
            .text(" "),
            .strikethrough([.text("gone")]), .text(" "), .code("code"), .text(" "),
            .link(destination: "https://x.org", title: "t", [.text("l")]),
          ]),
      ])
  }

  @Test func setextHeadingAndBreaks() throws {
    let document = try MarkdownParser.parse("Title\n=====\n\na\nb  \nc\n")
    #expect(
      document.blocks == [
        .heading(level: 1, [.text("Title")]),
        .paragraph([.text("a"), .softBreak, .text("b"), .lineBreak, .text("c")]),
      ])
  }

  @Test func nestedListsAndOrderedStart() throws {
    let document = try MarkdownParser.parse("- a\n  1. x\n  2. y\n- b\n\n7) seven\n")
    #expect(
      document.blocks == [
        .list(
          List(
            ordered: false, start: 1, tight: true,
            items: [
              [
                .paragraph([.text("a")]),
                .list(
                  List(
                    ordered: true, start: 1, tight: true,
                    items: [[.paragraph([.text("x")])], [.paragraph([.text("y")])]])),
              ],
              [.paragraph([.text("b")])],
            ])),
        .list(
          List(
            ordered: true, start: 7, tight: true, items: [[.paragraph([.text("seven")])]],
            delimiter: .parenthesis)),
      ])
  }

  @Test func looseList() throws {
    let document = try MarkdownParser.parse("- a\n\n- b\n")
    guard case .list(let list) = document.blocks.first else {
      Issue.record("expected a list")
      return
    }
    #expect(!list.tight)
  }

  @Test func tableAlignmentAndHeader() throws {
    let document = try MarkdownParser.parse(
      "| a | b | c | d |\n|:--|:-:|--:|---|\n| 1 | 2 | 3 | 4 |\n| 5 |\n")
    #expect(
      document.blocks == [
        .table(
          Table(
            alignments: [.left, .center, .right, .none],
            header: [[.text("a")], [.text("b")], [.text("c")], [.text("d")]],
            rows: [
              [[.text("1")], [.text("2")], [.text("3")], [.text("4")]],
              [[.text("5")], [], [], []],
            ]))
      ])
  }

  @Test func escapedPipeStaysInCell() throws {
    let document = try MarkdownParser.parse("| a |\n|---|\n| x \\| y |\n")
    guard case .table(let table) = document.blocks.first else {
      Issue.record("expected a table")
      return
    }
    #expect(table.rows.map { $0.map(\.plainText) } == [["x | y"]])
  }

  @Test func codeBlockQuoteAndBreak() throws {
    let document = try MarkdownParser.parse(
      "```swift\nlet x = 1\n```\n\n> q\n\n***\n\n    indented\n")
    #expect(
      document.blocks == [
        .codeBlock(info: "swift", text: "let x = 1\n"),
        .blockQuote([.paragraph([.text("q")])]),
        .thematicBreak,
        .codeBlock(info: "", text: "indented\n"),
      ])
  }

  @Test func directivesAndPlainComments() throws {
    let markdown = """
      <!-- pia:toc -->
      <!-- just a note -->

      <!-- pia:page-break -->

      <!--pia:heat-map-->
      | a |
      |---|
      | low |

      <!-- pia:signature -->

      | Role |
      |---|
      | Clerk |

      <div>raw</div>
      """
    let document = try MarkdownParser.parse(markdown)
    let kinds = document.blocks.map { block -> String in
      switch block {
      case .directive(let directive): return directive.name
      case .table: return "table"
      case .html: return "html"
      case .paragraph(let inlines): return "paragraph \(inlines.plainText)"
      default: return "other"
      }
    }
    // HTML other than comments becomes blocks of the tree: the div is a paragraph of its text.
    #expect(
      kinds == ["toc", "page-break", "heat-map", "table", "signature", "table", "paragraph raw"])
  }

  @Test func unknownDirectiveThrowsWithLine() {
    #expect(
      throws: MarkdownParser.ParseError(
        line: 3,
        message:
          "unknown directive <!-- pia:pagebreak --> (known: pia:page-break, pia:toc, pia:signature, pia:heat-map)"
      )
    ) {
      try MarkdownParser.parse("# T\n\n<!-- pia:pagebreak -->\n")
    }
  }

  @Test func tableDirectiveWithoutTableThrows() {
    #expect(throws: MarkdownParser.ParseError.self) {
      try MarkdownParser.parse("<!-- pia:heat-map -->\n\nNot a table.\n")
    }
    #expect(throws: MarkdownParser.ParseError.self) {
      try MarkdownParser.parse("text\n\n<!-- pia:signature -->\n")
    }
  }

  @Test func inlineDirectiveThrows() {
    #expect(throws: MarkdownParser.ParseError.self) {
      try MarkdownParser.parse("Some text <!-- pia:toc --> here.\n")
    }
  }

  @Test func inlineCommentIsDropped() throws {
    let document = try MarkdownParser.parse("a <!-- note --> b\n")
    #expect(document.blocks == [.paragraph([.text("a "), .text(" b")].merged)])
  }

  @Test func autolinkExtension() throws {
    let document = try MarkdownParser.parse("See https://example.org now.\n")
    #expect(
      document.blocks == [
        .paragraph([
          .text("See "),
          .link(destination: "https://example.org", title: "", [.text("https://example.org")]),
          .text(" now."),
        ])
      ])
  }

  @Test func concurrentParsesAgree() async throws {
    let markdown = "# T\n\n| a | b |\n|---|:-:|\n| 1 | ~~2~~ |\n\n- x\n- y\n"
    let expected = try MarkdownParser.parse(markdown)
    let results = try await withThrowingTaskGroup(of: Document.self) { group in
      for _ in 0..<16 {
        group.addTask { try MarkdownParser.parse(markdown) }
      }
      var all: [Document] = []
      for try await document in group { all.append(document) }
      return all
    }
    #expect(results.count == 16)
    #expect(results.allSatisfy { $0 == expected })
  }
}

extension Array where Element == Inline {
  /// Adjacent text inlines merged, as the parser produces them.
  fileprivate var merged: [Inline] {
    var result: [Inline] = []
    for inline in self {
      if case .text(let text) = inline, case .text(let previous)? = result.last {
        result[result.count - 1] = .text(previous + text)
      } else {
        result.append(inline)
      }
    }
    return result
  }
}
