import Foundation
import Testing

@testable import PIAKit

/// Table widths from content, spacing around tables, list delimiters, long numbers, task lists.
@Suite struct TableAndListLayoutTests {
  static func widths(_ table: Table) -> [Int] { TableLayout.columnWidths(table) }

  static func measure(_ text: String, bold: Bool = false) -> Int {
    var measure = TableLayout.Measure(bold: bold)
    measure.add([.text(text)])
    return measure.longestToken
  }

  @Test func noColumnIsNarrowerThanItsLongestWordOrNumber() {
    // The vendor-facts shape: a wide first column and short ones that squeezed "Checked".
    let table = Table(
      alignments: [.none, .none, .none, .none, .none, .none],
      header: ["Fact", "Plan", "Source", "Status", "Checked", "Weight"].map { [.text($0)] },
      rows: [
        [
          [
            .text(
              String(repeating: "A long statement about data retention and training. ", count: 4))
          ],
          [.text("Enterprise")], [.text("https://example.org/terms")], [.text("confirmed")],
          [.text("2026-01-15")], [.text("0.05")],
        ]
      ])
    let widths = Self.widths(table)
    #expect(widths.reduce(0, +) == BodyWriter.textWidth)
    #expect(widths[4] >= Self.measure("Checked", bold: true) + 2 * 108)
    #expect(widths[4] >= Self.measure("2026-01-15") + 2 * 108)
    #expect(widths[5] >= Self.measure("Weight", bold: true) + 2 * 108)
    // The long text takes what is left after the short columns' words.
    #expect(widths[0] > widths[3] && widths[0] > widths[4] && widths[0] > widths[5])
  }

  @Test func aLongURLDoesNotSqueezeTheOtherColumns() {
    let url = "https://support.example.com/en/articles/9267385-does-the-vendor-act-as-a-processor"
    let table = Table(
      alignments: [],
      header: ["Fact", "Value", "Source", "Checked", "Current?"].map { [.text($0)] },
      rows: [
        [
          [.text("Processor commitment")], [.text("(unverified)")],
          [.link(destination: url, title: "", [.text(url)])],
          [.text("2026-03-26")], [.text("Yes")],
        ]
      ])
    let widths = Self.widths(table)
    #expect(widths[2] >= BodyWriter.textWidth / 3)
    #expect(widths[0] >= Self.measure("commitment") + 2 * 108)
    #expect(widths[1] >= Self.measure("(unverified)") + 2 * 108)
    #expect(widths[3] >= Self.measure("Checked", bold: true) + 2 * 108)
    #expect(widths[3] >= Self.measure("2026-03-26") + 2 * 108)
  }

  @Test func aURLBreaksAfterSlashesAndHyphensButDatesStayWhole() {
    #expect(
      Self.measure("https://support.example.com/en/articles/9267385-does-the-vendor")
        == Self.measure("support.example.com/"))
    #expect(Self.measure("2026-02-18") > Self.measure("2026-"))
    #expect(Self.measure("1/2") > Self.measure("1/"))
  }

  @Test func vendorFactsTableKeepsEveryWordWhole() {
    // The safe-pilot report's vendor-facts table, whose URLs counted as a third each and left
    // "commitment" and "commercial" to break in LibreOffice.
    let urls = [
      "https://support.claude.com/en/articles/13455879-use-claude-cowork-on-team-and-enterprise-plans",
      "https://privacy.claude.com/en/articles/8956058-i-have-a-zero-retention-agreement-with-anthropic-what-products-does-it-apply-to",
    ]
    let table = Table(
      alignments: [],
      header: [
        "Fact", "Value", "Source", "Date the source states", "Status",
        "Checked by the municipality",
      ].map { [.text($0)] },
      rows: [
        [
          [.text("Processor commitment")], [.text("commercial")],
          [.link(destination: urls[0], title: "", [.text(urls[0])])],
          [.text("not stated")], [.text("Unverified")], [.text("2026-02-18")],
        ],
        [
          [.text("Zero retention covers plan")], [.text("within 30 days of user deletion")],
          [.link(destination: urls[1], title: "", [.text(urls[1])])],
          [.text("not stated")], [.text("Verified")], [.text("2026-02-18")],
        ],
      ])
    let widths = Self.widths(table)
    #expect(widths.reduce(0, +) == BodyWriter.textWidth)
    #expect(widths[0] >= Self.measure("commitment") + TableLayout.cellPadding)
    #expect(widths[1] >= Self.measure("commercial") + TableLayout.cellPadding)
    #expect(widths[3] >= Self.measure("source", bold: true) + TableLayout.cellPadding)
    #expect(widths[4] >= Self.measure("Unverified") + TableLayout.cellPadding)
    #expect(widths[5] >= Self.measure("municipality", bold: true) + TableLayout.cellPadding)
    #expect(widths[5] >= Self.measure("2026-02-18") + TableLayout.cellPadding)
  }

  @Test func columnsShrinkInProportionOnlyWhenTheTokensCannotFit() {
    let words = (1...12).map { "Column\($0)Heading" }
    let table = Table(alignments: [], header: words.map { [.text($0)] }, rows: [])
    let widths = Self.widths(table)
    #expect(widths.reduce(0, +) == BodyWriter.textWidth)
    #expect(Set(widths.dropLast()).count <= 2)  // equal tokens, equal shares
    let fits = Table(alignments: [], header: [[.text("a")], [.text("b")]], rows: [])
    #expect(Self.widths(fits).reduce(0, +) == BodyWriter.textWidth)
  }

  @Test func tablesAreAutofitWithWidthsFromContent() throws {
    let document = try DocxFixture.documentXML(
      try DocxFixture.write(
        "| Name | Checked |\n|---|---|\n| a very long value in the first column | yes |\n"))
    let table = try #require(document.descendants("tbl").first)
    #expect(table.child("tblPr")?.child("tblLayout")?.attributes["type"] == "autofit")
    let grid = table.child("tblGrid")?.children("gridCol").compactMap {
      Int($0.attributes["w"] ?? "")
    }
    #expect(grid?.count == 2 && grid?.reduce(0, +) == BodyWriter.textWidth)
  }

  @Test func consecutiveTablesAreSeparatedAndTextAfterATableHasSpace() throws {
    let document = try DocxFixture.documentXML(
      try DocxFixture.write("| A |\n|---|\n| 1 |\n\n| B |\n|---|\n| 2 |\n\nAfter.\n\n## Heading\n"))
    let body = try #require(document.child("body"))
    #expect(body.children.map(\.name).prefix(5) == ["tbl", "p", "tbl", "p", "p"])
    #expect(DocxFixture.text(of: body.children[1]).isEmpty)
    let after = body.children[3]
    #expect(after.child("pPr")?.child("spacing")?.attributes["before"] == "160")
    #expect(body.children[4].child("pPr")?.child("spacing") == nil)
    // The separator is not an accessibility problem.
    #expect(
      try AccessibilityChecker.check(
        docx: try DocxFixture.write("# T\n\n| A |\n|---|\n| 1 |\n\n| B |\n|---|\n| 2 |\n")
      ).isEmpty)
  }

  @Test func parenthesisListsKeepTheirDelimiter() throws {
    let docx = try DocxFixture.write("7) seven\n8) eight\n\n1. one\n")
    let numbering = try DocxPackage(data: docx).xml("word/numbering.xml")
    let abstracts = Dictionary(
      uniqueKeysWithValues: numbering.children("abstractNum").map {
        (
          $0.attributes["abstractNumId"] ?? "",
          $0.children("lvl").first?.child("lvlText")?.attributes["val"] ?? ""
        )
      })
    let nums = numbering.children("num").map {
      (
        $0.attributes["numId"] ?? "",
        abstracts[$0.child("abstractNumId")?.attributes["val"] ?? ""] ?? ""
      )
    }
    #expect(nums.map(\.1) == ["\u{2022}", "%1)", "%1."])
    #expect(
      numbering.children("num")[1].child("lvlOverride")?.child("startOverride")?.attributes["val"]
        == "7")
    // Only the numberings in use are defined: no checkboxes here.
    #expect(numbering.children("abstractNum").count == 3)
  }

  @Test func longNumbersGetAHangingIndentThatFitsThem() throws {
    let document = try DocxFixture.documentXML(
      try DocxFixture.write("998. a\n999. b\n1000. c\n\nText.\n\n1. short\n"))
    let indents = document.descendants("p").map { $0.child("pPr")?.child("ind")?.attributes ?? [:] }
    #expect(indents[0]["hanging"] == indents[2]["hanging"])
    let hanging = try #require(Int(indents[0]["hanging"] ?? ""))
    #expect(hanging >= 4 * 112 + 56)  // "1000." at 11 pt
    #expect(Int(indents[0]["left"] ?? "") == 360 + hanging)
    #expect(indents[4].isEmpty)  // a short list keeps the numbering's own indent
    #expect(BodyWriter.hangingIndent(forNumber: 9, delimiter: .period) == 360)
    #expect(BodyWriter.hangingIndent(forNumber: 10_000, delimiter: .parenthesis) > hanging)
  }

  @Test func taskItemsShowCheckboxesAsTheirMarkers() throws {
    let document = try DocxFixture.documentXML(
      try DocxFixture.write("- [x] done\n- [ ] to do\n- plain\n\n1. [x] numbered\n"))
    let items = document.descendants("p").map {
      (
        $0.child("pPr")?.child("numPr")?.child("numId")?.attributes["val"] ?? "",
        DocxFixture.text(of: $0)
      )
    }
    #expect(items.map(\.0) == ["3", "2", "1", "4"])
    #expect(items.map(\.1) == ["done", "to do", "plain", "☒ numbered"])
  }
}
