import Foundation
import Testing

@testable import PIAKit

/// Answer text never changes the document's structure: every text that comes
/// from the answers or the assessment is replaced by a hostile string, and the
/// rendered Markdown must parse to the same headings, tables, lists and
/// directives as with benign text, in all three templates.
@Suite struct ReportHostileAnswerTests {
  static let hostile: [String] = [
    "# Heading", "## Two\n### Three", "| a | b |", "a | b", "*bold* _italic_ **strong**",
    "`code` ```fence",
    "<b>html</b> <script>x</script>", "[link](http://example.org) ![img](x.png)", "1. item",
    "- item", "+ item",
    "{{contact}} {{#findings}}x{{/findings}}", "line one\nline two\n\n- item\n\n# heading",
    "]]> <![CDATA[x]]>",
    "<w:p><w:r><w:t>x</w:t></w:r></w:p>", "emoji 😀👩‍👩‍👧 flags 🇨🇦", "RTL שלום عربي \u{202E}override",
    "control \u{01}\u{0B}\u{0C}\u{FFFE}\u{7F} chars", "<!-- pia:page-break -->", "---", "===",
    "> quote",
    "    indented code", "\\", "trailing backslash \\", "&amp; &#32; &lt;",
    "\u{E000}marker\u{E001}", "",
    "   ", "\r\nCRLF\r\n", "~~strike~~ https://autolink.example", "Title\n===", "| --- | --- |",
  ]

  struct Shape: Equatable, CustomStringConvertible {
    var headings: [Int] = []
    var tables: [String] = []
    var lists: [String] = []
    var directives: [String] = []
    var other: [String] = []

    var description: String {
      "headings \(headings)\ntables \(tables)\nlists \(lists)\ndirectives \(directives)\nother \(other)"
    }
  }

  static func shape(_ blocks: [Block], into shape: inout Shape) {
    for block in blocks {
      switch block {
      case .heading(let level, _): shape.headings.append(level)
      case .table(let table):
        shape.tables.append("\(table.columnCount)x\(table.rows.count)")
      case .list(let list):
        shape.lists.append("\(list.ordered ? "ol" : "ul")\(list.items.count)")
        for item in list.items { Self.shape(item, into: &shape) }
      case .directive(let directive): shape.directives.append(directive.name)
      case .paragraph: break
      case .blockQuote: shape.other.append("quote")
      case .codeBlock: shape.other.append("code")
      case .thematicBreak: shape.other.append("hr")
      case .html: shape.other.append("html")
      }
    }
  }

  static func render(_ template: String, text: @escaping (String) -> String) throws -> (
    String, Shape
  ) {
    let model = ReportFixtures.pilotModel(text: text)
    let markdown = try ReportFixtures.templates.render(
      template, model: model, law: ReportFixtures.law)
    let document = try ReportFixtures.parseRendered(markdown)
    var shape = Shape()
    Self.shape(document.blocks, into: &shape)
    return (markdown, shape)
  }

  @Test(arguments: ReportRenderingTests.templateIDs)
  func hostileAnswersKeepStructure(template: String) throws {
    let (_, benign) = try Self.render(template) { _ in "Benign text" }
    #expect(!benign.headings.isEmpty)
    // Blank answers change the model itself (markers, notice gaps); see blankAnswersBecomeMarkers.
    for hostile in Self.hostile
    where !hostile.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
      let (markdown, shape) = try Self.render(template) { _ in hostile }
      #expect(
        shape == benign,
        "\(template) with \(hostile.debugDescription):\n\(shape)\n--- benign ---\n\(benign)\n\(markdown.prefix(3000))"
      )
    }
  }

  @Test func hostileAnswersMakeWellFormedDocx() throws {
    let day = Date(timeIntervalSince1970: 1_767_225_600)
    func tables(_ text: String) throws -> Int {
      let (markdown, _) = try Self.render("pia-report") { _ in text }
      let data = try DocxWriter.write(
        try ReportFixtures.parseRendered(markdown),
        options: .init(title: "T", created: day, modified: day))
      // document.xml parses back, so it is well-formed.
      return try DocxFixture.documentXML(data).descendants("tbl").count
    }
    let benign = try tables("Benign text")
    for hostile in Self.hostile
    where !hostile.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
      #expect(try tables(hostile) == benign, "\(hostile.debugDescription)")
    }
  }

  @Test func hostileTextRendersLiterally() throws {
    for hostile in ["| a | b |", "# Heading", "*bold* `code`", "{{contact}}", "<w:p>", "1. item"] {
      let model = ReportFixtures.pilotModel(text: { _ in hostile })
      let markdown = try ReportFixtures.templates.render(
        "pia-report", model: model, law: ReportFixtures.law)
      let document = try ReportFixtures.parseRendered(markdown)
      // The finding title is a heading: it reads exactly as typed.
      #expect(document.headings.contains { $0.text == "R1. \(hostile)" }, "\(hostile)")
      // A table cell holding answer text reads exactly as typed.
      let cells = document.blocks.compactMap { block -> [String]? in
        guard case .table(let table) = block else { return nil }
        return table.rows.flatMap { $0.map(\.plainText) }
      }.flatMap { $0 }
      #expect(cells.contains(hostile), "\(hostile)")
    }
  }

  @Test func answerTextReadsLikeAMarkdownParagraph() {
    #expect(
      ReportModel.prose("wrapped\nline\n\nnew paragraph\r\nend")
        == "wrapped line\nnew paragraph end")
    #expect(ReportModel.prose("\n\n") == "\n\n")
  }

  @Test func blankAnswersBecomeMarkers() throws {
    let model = ReportFixtures.pilotModel(text: { _ in "  " })
    #expect(model.document.institution == "Not answered")
    #expect(model.document.initiative == "Untitled initiative")
    #expect(model.initiative.currentVsProposed == "Not answered")
    #expect(model.dataFlows.map(\.element) == ["Data flow 1", "Data flow 2"])
    // Authority, purposes, and the official's title, address and telephone number.
    #expect(model.notice.gaps.count == 5)
  }

  @Test func newlinesInCellsBecomeSpacesAndInParagraphsHardBreaks() throws {
    let model = ReportFixtures.pilotModel(text: { _ in "first\n\nsecond" })
    let markdown = try ReportFixtures.templates.render(
      "pia-report", model: model, law: ReportFixtures.law)
    let document = try ReportFixtures.parseRendered(markdown)
    #expect(document.plainText.contains("first second"))
    #expect(markdown.contains("first\\\nsecond"))
  }
}
