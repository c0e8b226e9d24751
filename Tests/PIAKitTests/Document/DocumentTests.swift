import Testing

@testable import PIAKit

@Suite struct DocumentTests {
  let sample = Document(blocks: [
    .heading(level: 1, [.text("Intro")]),
    .paragraph([
      .text("a "), .strong([.text("b")]), .softBreak, .emphasis([.text("c")]), .lineBreak,
      .code("d"),
    ]),
    .blockQuote([.heading(level: 2, [.text("Quoted")])]),
    .list(List(ordered: false, items: [[.heading(level: 3, [.text("In list")])]])),
    .table(
      Table(
        alignments: [.left, .right], header: [[.text("H1")], [.text("H2")]],
        rows: [[[.text("x")], [.text("y")]]])),
    .directive(.pageBreak),
  ])

  @Test func plainTextFlattensInlines() {
    guard case .paragraph(let inlines) = sample.blocks[1] else {
      Issue.record("expected a paragraph")
      return
    }
    #expect(inlines.plainText == "a b c\nd")
  }

  @Test func plainTextOfTableUsesTabsAndLines() {
    #expect(sample.blocks[4].plainText == "H1\tH2\nx\ty")
    #expect(sample.blocks[5].plainText.isEmpty)
  }

  @Test func headingsIncludeNestedHeadingsInOrder() {
    #expect(
      sample.headings == [
        Document.Heading(level: 1, text: "Intro"), Document.Heading(level: 2, text: "Quoted"),
        Document.Heading(level: 3, text: "In list"),
      ])
  }

  @Test func headingOrderAcceptsStepsOfOneAndReturns() {
    let document = Document(blocks: [
      .heading(level: 1, [.text("A")]), .heading(level: 2, [.text("B")]),
      .heading(level: 3, [.text("C")]), .heading(level: 1, [.text("D")]),
    ])
    #expect(DocumentChecks.headingOrderProblems(document).isEmpty)
  }

  @Test func headingOrderReportsSkippedLevel() {
    let document = Document(blocks: [
      .heading(level: 1, [.text("Top")]), .heading(level: 3, [.text("Deep")]),
    ])
    let problems = DocumentChecks.headingOrderProblems(document)
    #expect(problems == [.init(text: "Deep", level: 3, previousLevel: 1)])
    #expect(problems.first?.description.contains("\"Deep\" is level 3") == true)
  }

  @Test func visitorDefaultsWalkContainers() throws {
    struct Counter: DocumentVisitor {
      var paragraphs = 0
      var tables = 0
      mutating func visitParagraph(_ inlines: [Inline]) { paragraphs += 1 }
      mutating func visitTable(_ table: Table) { tables += 1 }
    }
    let document = Document(blocks: [
      .paragraph([.text("1")]),
      .blockQuote([
        .paragraph([.text("2")]), .list(List(ordered: true, items: [[.paragraph([.text("3")])]])),
      ]),
      .table(Table(alignments: [], header: [], rows: [])),
    ])
    var counter = Counter()
    try document.accept(&counter)
    #expect(counter.paragraphs == 3)
    #expect(counter.tables == 1)
  }

  @Test func debugDumpShowsStructure() {
    let document = Document(blocks: [
      .heading(level: 2, [.text("T")]),
      .list(
        List(ordered: true, start: 3, tight: true, items: [[.paragraph([.strong([.text("x")])])]])),
    ])
    #expect(
      document.debugDump() == """
        document
          heading 2
            text "T"
          list ordered start=3 tight
            item
              paragraph
                strong
                  text "x"
        """)
  }

  @Test func columnCountIsTheWidestRow() {
    let table = Table(alignments: [.none], header: [[.text("a")]], rows: [[[], [], []]])
    #expect(table.columnCount == 3)
  }
}
