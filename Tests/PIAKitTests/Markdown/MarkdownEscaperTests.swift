import PropertyBased
import Testing

@testable import PIAKit

@Suite struct MarkdownEscaperTests {
  /// Text that would change the structure of a Markdown document if it were not escaped.
  static let hostile: [String] = [
    "#", "# Heading", "## x ##", "|", "a | b", "*", "**bold**", "_under_", "__x__", "`code`", "```",
    "~~~", "~~strike~~", "<", "<b>bold</b>", "<!-- pia:toc -->", "<!-- note -->", "[link](x)",
    "[x]: https://a", "![img](i.png)", "1. item", "1) item", "- item", "+ item", "* item",
    "{{name}}", "{{{raw}}}", "line1\nline2", "a\n\nb", "a\r\nb", "a\rb",
    "\n# heading after newline",
    "x\n1. y", "x\n---", "x\n===", "x\n    code?", "x\n> quote", "]]>", "<w:p>", "&amp;", "&#65;",
    "&nbsp;", "\\", "\\*", "trailing\\", "https://example.org", "www.example.org", "a@b.org",
    "😀👩‍👩‍👧 emoji", "مرحبا بالعالم", "שלום", "e\u{301} a\u{308}\u{301}", "*\u{301}",
    String((UInt8(1)...0x1F).map { Character(Unicode.Scalar($0)) }), "\u{FFFE}\u{FFFF}x",
    "nul\u{0}inside", "  leading", "trailing  ", "two  spaces", "x  \ny", "x\n    indented line",
    "\ttab", "a\tb", "$math$", "@mention", "^caret", "%", "'quote' \"double\"", "~", ":emoji:",
  ]

  /// What a reader should see for `text` inside a paragraph.
  static func expectedInline(_ text: String) -> String {
    let unified = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(
      of: "\r", with: "\n")
    var result = XMLText.sanitized(unified)
    while result.hasSuffix("\n") { result.removeLast() }
    return result
  }

  /// What a reader should see for `text` inside a table cell (one line, trimmed).
  static func expectedCell(_ text: String) -> String {
    let unified = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(
      of: "\r", with: "\n")
    let line = XMLText.sanitized(unified).replacingOccurrences(of: "\n", with: " ")
    return line.trimmingCharacters(in: [" ", "\t"])
  }

  static func checkParagraph(_ text: String) throws {
    let document = try MarkdownParser.parse(
      "Before " + MarkdownEscaper.escapeInline(text) + " after")
    #expect(
      document.blocks.count == 1, "\(text.debugDescription) made \(document.blocks.count) blocks")
    guard case .paragraph(let inlines)? = document.blocks.first else {
      Issue.record("\(text.debugDescription) did not stay a paragraph: \(document.debugDump())")
      return
    }
    // The paragraph holds exactly the text; only the template's own space after a trailing
    // newline may be dropped by Markdown (it starts a line).
    let plain = inlines.plainText
    #expect(plain.hasPrefix("Before " + expectedInline(text)))
    #expect(plain.hasSuffix("after"))
    #expect(plain.count <= ("Before " + expectedInline(text) + " after").count)
    #expect(!inlines.contains { if case .html = $0 { return true } else { return false } })
  }

  static func checkCell(_ text: String) throws {
    let markdown = "| A | B |\n|---|---|\n| " + MarkdownEscaper.escapeTableCell(text) + " | z |\n"
    let document = try MarkdownParser.parse(markdown)
    guard document.blocks.count == 1, case .table(let table)? = document.blocks.first else {
      Issue.record("\(text.debugDescription) broke the table: \(document.debugDump())")
      return
    }
    #expect(table.rows.count == 1)
    #expect(table.rows.first?.count == 2)
    #expect(table.rows.first?.first?.plainText == expectedCell(text))
    #expect(table.rows.first?.last?.plainText == "z")
  }

  @Test(arguments: hostile)
  func paragraphKeepsHostileTextLiteral(_ text: String) throws {
    try Self.checkParagraph(text)
  }

  @Test(arguments: hostile)
  func tableCellKeepsHostileTextLiteral(_ text: String) throws {
    try Self.checkCell(text)
  }

  @Test func largeTextStaysOneParagraph() throws {
    var big = ""
    while big.utf8.count < 100_000 {
      big += Self.hostile.joined(separator: " ")
    }
    try Self.checkParagraph(big)
    try Self.checkCell(big)
  }

  @Test func newlineBecomesHardBreakInParagraphAndSpaceInCell() {
    #expect(MarkdownEscaper.escapeInline("a\nb") == "a\\\nb")
    #expect(MarkdownEscaper.escapeTableCell("a\nb") == "a b")
    #expect(MarkdownEscaper.escapeTableCell("a|b") == "a\\|b")
  }

  @Test func edgeSpacesAreKeptAndTrailingNewlinesDropped() {
    #expect(MarkdownEscaper.escapeInline(" a \t") == "&#32;a&#32;&#9;")
    #expect(MarkdownEscaper.escapeInline("a\n\n") == "a")
    #expect(MarkdownEscaper.escapeInline("a\n b") == "a\\\n&#32;b")
    #expect(MarkdownEscaper.escapeTableCell(" a ") == " a ")
  }

  @Test func plainWordsAreUnchanged() {
    #expect(MarkdownEscaper.escapeInline("Plain words, café") == "Plain words, café")
    #expect(
      MarkdownEscaper.escapeInline("Clerk's Office (PIA-2026-003), Planning & Development")
        == "Clerk's Office (PIA-2026-003), Planning & Development")
  }

  @Test func onlySyntaxIsEscaped() {
    #expect(MarkdownEscaper.escapeInline("# 1. - a*b_c") == "\\# 1. - a\\*b\\_c")
    #expect(MarkdownEscaper.escapeInline("12) x\n- y") == "12\\) x\\\n\\- y")
    #expect(MarkdownEscaper.escapeInline("&amp; & &#38;") == "\\&amp; & \\&#38;")
    #expect(MarkdownEscaper.escapeTableCell("# - 1. a|b") == "# - 1. a\\|b")
  }

  @Test func randomHostileStringsStayLiteral() async {
    let alphabet: [Character] = Array("#|*_`<>[]()!-+.1{}\\~&;:=\n\r\t ab\u{1}\u{FFFE}é😀\u{301}")
    await propertyCheck(
      count: 300, input: Gen.element(of: alphabet).map { $0 ?? " " }.string(of: 0...30)
    ) {
      text in
      try Self.checkParagraph(text)
      try Self.checkCell(text)
    }
  }
}
