import Foundation
import Testing

@testable import PIAKit

/// HTML written in Markdown becomes blocks and inlines of the tree, never text with tags in it.
@Suite struct HTMLInMarkdownTests {
  static func parse(_ markdown: String) throws -> MarkdownParser.Parsed {
    try MarkdownParser.parse(markdown, file: "in.md")
  }

  @Test func inlineTagsBecomeStyles() throws {
    let parsed = try Self.parse(
      "H<sub>2</sub>O x<sup>2</sup> <kbd>Ctrl</kbd> <u>u</u> <ins>i</ins> <del>d</del> <s>s</s>"
        + " <mark>m</mark> <b>b</b> <em>e</em> <code>c</code> <span>sp</span>\n")
    #expect(
      parsed.document.blocks == [
        .paragraph([
          .text("H"), .styled(.subscript, [.text("2")]), .text("O x"),
          .styled(.superscript, [.text("2")]), .text(" "), .styled(.keyboard, [.text("Ctrl")]),
          .text(" "), .styled(.underline, [.text("u")]), .text(" "),
          .styled(.underline, [.text("i")]), .text(" "), .strikethrough([.text("d")]), .text(" "),
          .strikethrough([.text("s")]), .text(" "), .styled(.highlight, [.text("m")]),
          .text(" "), .strong([.text("b")]), .text(" "), .emphasis([.text("e")]), .text(" "),
          .code("c"), .text(" sp"),
        ])
      ])
    #expect(parsed.warnings.isEmpty)
  }

  @Test func breaksLinksImagesAndEntities() throws {
    let parsed = try Self.parse(
      "a<br>b<br/>c <a href=\"https://x.org/\" title=\"T\">link</a>"
        + " <img src=\"p.png\" alt=\"A &amp; B\"> &copy; &ouml; &#233; &#x1F642;\n")
    let inlines = try #require(
      parsed.document.blocks.first.flatMap { block -> [Inline]? in
        if case .paragraph(let inlines) = block { return inlines }
        return nil
      })
    #expect(inlines.prefix(5) == [.text("a"), .lineBreak, .text("b"), .lineBreak, .text("c ")])
    #expect(inlines.contains(.link(destination: "https://x.org/", title: "T", [.text("link")])))
    #expect(
      inlines.contains(
        .image(
          Image(
            source: "p.png", alt: [.text("A & B")], position: SourcePosition(line: 1, column: 58)))
      ))
    #expect(inlines.last == .text(" © ö é 🙂"))
  }

  @Test func unknownTagKeepsItsTextAndWarnsWithItsPlace() throws {
    let parsed = try Self.parse("Para\n\nSome <foo>unknown</foo> text <!-- a comment -->.\n")
    #expect(parsed.document.blocks[1] == .paragraph([.text("Some unknown text .")]))
    #expect(
      parsed.warnings.map(\.description) == [
        "in.md:3:6: warning: unknown HTML tag <foo>: its text is kept and the tag left out"
      ])
  }

  @Test func commentsAndDirectivesNeverWarn() throws {
    let parsed = try Self.parse(
      "<!-- pia:toc -->\n\n<!-- just a note -->\n\nText <!-- inline note --> here.\n\n"
        + "<div>\n<!-- inside a block -->\nkept\n</div>\n")
    #expect(parsed.warnings.isEmpty)
    #expect(parsed.document.blocks.first == .directive(.tableOfContents))
    #expect(parsed.document.plainText == "Text  here.\nkept")
  }

  @Test func directiveInsideHTMLMustBeAlone() {
    #expect(
      throws: MarkdownParser.ParseError(
        line: 2, message: "<!-- pia:toc --> must be alone on its own line")
    ) {
      try Self.parse("<div>\n<!-- pia:toc --></div>\n")
    }
  }

  @Test func htmlTableBecomesATable() throws {
    let parsed = try Self.parse(
      """
      <table>
        <thead><tr><th>Name</th><th align="right">Count</th></tr></thead>
        <tbody>
          <tr><td>alpha <b>bold</b></td><td>1</td></tr>
          <tr><td>beta<br>two lines</td><td style="text-align: center">2</td></tr>
        </tbody>
      </table>

      """)
    #expect(
      parsed.document.blocks == [
        .table(
          Table(
            alignments: [.none, .right], header: [[.text("Name")], [.text("Count")]],
            rows: [
              [[.text("alpha "), .strong([.text("bold")])], [.text("1")]],
              [[.text("beta"), .lineBreak, .text("two lines")], [.text("2")]],
            ]))
      ])
  }

  @Test func htmlTableWithoutHeaderCellsHasNoHeaderRow() throws {
    let parsed = try Self.parse("<table><tr><td>a</td><td>b</td></tr></table>\n")
    #expect(
      parsed.document.blocks == [
        .table(
          Table(alignments: [.none, .none], header: [], rows: [[[.text("a")], [.text("b")]]]))
      ])
  }

  @Test func tableCutByABlankLineKeepsItsText() throws {
    // cmark-gfm ends the HTML block at the blank line: the table is never closed inside it.
    let parsed = try Self.parse("<table><tr><td>\n\n**Markdown**\n\n</td></tr></table>\n")
    #expect(parsed.document.blocks == [.paragraph([.strong([.text("Markdown")])])])
  }

  @Test func detailsBecomeABoldSummaryAndTheirContent() throws {
    let parsed = try Self.parse(
      "<details>\n<summary>More <i>detail</i></summary>\n\nHidden *text*.\n\n</details>\n")
    #expect(
      parsed.document.blocks == [
        .paragraph([.strong([.text("More "), .emphasis([.text("detail")])])]),
        .paragraph([.text("Hidden "), .emphasis([.text("text")]), .text(".")]),
      ])
    #expect(parsed.warnings.isEmpty)
  }

  @Test func blockElementsKeepTheirStructure() throws {
    let parsed = try Self.parse(
      "<div>\n<h2>Title</h2>\n<p>One   two\nthree</p>\n<ul><li>a</li><li>b</li></ul>\n"
        + "<pre>  keep\n  spaces</pre>\n<blockquote>quoted</blockquote>\n<hr>\n</div>\n")
    #expect(
      parsed.document.blocks == [
        .heading(level: 2, [.text("Title")]),
        .paragraph([.text("One two three")]),
        .list(
          List(ordered: false, items: [[.paragraph([.text("a")])], [.paragraph([.text("b")])]])),
        .codeBlock(info: "", text: "  keep\n  spaces\n"),
        .blockQuote([.paragraph([.text("quoted")])]),
        .thematicBreak,
      ])
  }

  @Test func scriptAndStyleContentIsLeftOutWithAWarning() throws {
    let parsed = try Self.parse(
      "<script>\nalert(1)\n</script>\n\nText <style>p{}</style> after.\n")
    #expect(parsed.document.plainText == "Text  after.")
    #expect(
      parsed.warnings.map(\.message) == [
        "HTML <script> is left out with its content: a browser shows none of it",
        "HTML <style> is left out with its content: a browser shows none of it",
      ])
  }

  @Test func aTagCutOffByTheEndIsDropped() throws {
    let parsed = try Self.parse("<div id=\"foo\"\n*hi*\n")
    #expect(parsed.document.blocks == [])
  }

  @Test func taggedTextNeverShowsATag() throws {
    for markdown in [
      "<a><bab><c2c>\n", "<a/><b2/>\n", "foo <!ELEMENT br EMPTY>\n", "foo <?php echo $a; ?>\n",
      "<x y=\"a>b\">text</x>\n", "</td></tr></table>\n", "<p>unclosed <b>bold\n",
    ] {
      let text = try Self.parse(markdown).document.plainText
      #expect(!text.contains("<") && !text.contains(">"), "\(markdown) → \(text)")
    }
  }

  @Test func entitiesInRawHTMLAreDecoded() {
    #expect(
      HTMLEntities.decode("&amp;&lt;&ouml;&#65;&#x42;&nosuch;&#0;&") == "&<öAB&nosuch;\u{FFFD}&")
  }
}
