import Foundation
import Testing

@testable import PIAKit

@Suite struct DocxWriterTests {
  @Test func packageHoldsExactlyThePartsInOrder() throws {
    let docx = try DocxFixture.write(DocxFixture.sampleMarkdown)
    #expect(try DocxPackage(data: docx).entryNames == DocxWriter.partNames)
    #expect(DocxWriter.partNames.first == "[Content_Types].xml")
  }

  @Test func everyPartIsWellFormed() throws {
    let docx = try DocxFixture.write(DocxFixture.sampleMarkdown)
    let package = try DocxPackage(data: docx)
    for name in DocxWriter.partNames {
      #expect(throws: Never.self) { _ = try package.xml(name) }
    }
  }

  @Test func documentXMLSnapshot() throws {
    let docx = try DocxFixture.write(DocxFixture.sampleMarkdown)
    let pretty = try XMLNode.prettyPrinted(
      try DocxFixture.part("word/document.xml", of: docx), part: "word/document.xml")
    assertSnapshot(of: pretty, named: "sample-document", extension: "xml")
  }

  @Test func sameInputGivesIdenticalBytes() throws {
    let first = try DocxFixture.write(DocxFixture.sampleMarkdown)
    let second = try DocxFixture.write(DocxFixture.sampleMarkdown)
    #expect(first == second)
    var later = DocxFixture.options
    later.modified = later.modified.addingTimeInterval(86_400)
    #expect(try DocxFixture.write(DocxFixture.sampleMarkdown, options: later) != first)
  }

  @Test func concurrentWritesGiveIdenticalBytes() async throws {
    let document = try MarkdownParser.parse(DocxFixture.sampleMarkdown)
    let expected = try DocxWriter.write(document, options: DocxFixture.options)
    let results = try await withThrowingTaskGroup(of: Data.self) { group in
      for _ in 0..<8 {
        group.addTask { try DocxWriter.write(document, options: DocxFixture.options) }
      }
      var all: [Data] = []
      for try await data in group { all.append(data) }
      return all
    }
    #expect(results.count == 8)
    #expect(results.allSatisfy { $0 == expected })
  }

  @Test func invalidXMLCharactersAreStrippedAndTheRestKept() throws {
    let hostile = "a\u{1}b\u{0}c\u{B}d\u{FFFE}e\u{FFFF}f\u{1F}g"
    let document = Document(blocks: [
      .paragraph([.text(hostile)]),
      .table(Table(alignments: [.none], header: [[.text("h\u{8}")]], rows: [[[.code("x\u{0}y")]]])),
      .paragraph([.link(destination: "https://e.org/\u{1}", title: "", [.text("l\u{2}")])]),
    ])
    var options = DocxFixture.options
    options.title = "T\u{0}itle"
    let docx = try DocxWriter.write(document, options: options)
    let xml = try DocxFixture.documentXML(docx)
    #expect(DocxFixture.paragraphTexts(xml) == ["abcdefg", "h", "xy", "l"])
    let core = try DocxPackage(data: docx).xml("docProps/core.xml")
    #expect(core.child("title")?.text == "Title")
    _ = try DocxPackage(data: docx).xml("word/_rels/document.xml.rels")
  }

  @Test func spacesArePreservedAndTabsBecomeTabElements() throws {
    let docx = try DocxWriter.write(
      Document(blocks: [.paragraph([.text("  lead\tand  trail ")])]), options: DocxFixture.options)
    let xml = try DocxFixture.documentXML(docx)
    let texts = xml.descendants("t")
    #expect(texts.map(\.text) == ["  lead", "and  trail "])
    #expect(texts.allSatisfy { $0.attributes["space"] == "preserve" })
    #expect(xml.descendants("tab").count == 1)
  }

  @Test func headingsUseHeadingStyles() throws {
    let docx = try DocxFixture.write("# One\n\n## Two\n\n###### Six\n")
    let styles = try DocxFixture.documentXML(docx).descendants("pStyle").map {
      $0.attributes["val"] ?? ""
    }
    #expect(styles == ["Heading1", "Heading2", "Heading6"])
    let stylesPart = try DocxPackage(data: docx).xml("word/styles.xml")
    let heading2 = stylesPart.children("style").first { $0.attributes["styleId"] == "Heading2" }
    #expect(heading2?.child("pPr")?.child("outlineLvl")?.attributes["val"] == "1")
    #expect(heading2?.child("name")?.attributes["val"] == "heading 2")
  }

  @Test func tableHeaderRowIsMarkedBoldAndAligned() throws {
    let docx = try DocxFixture.write("| A | B |\n|:-:|--:|\n| 1 | 2 |\n")
    let xml = try DocxFixture.documentXML(docx)
    let rows = xml.descendants("tr")
    #expect(rows.count == 2)
    #expect(rows[0].child("trPr")?.child("tblHeader") != nil)
    #expect(rows[1].child("trPr") == nil)
    #expect(rows[0].descendants("r").allSatisfy { $0.child("rPr")?.child("b") != nil })
    let alignments = rows[1].descendants("jc").map { $0.attributes["val"] ?? "" }
    #expect(alignments == ["center", "right"])
    let table = try #require(xml.descendants("tbl").first)
    #expect(table.child("tblPr")?.child("tblW")?.attributes["type"] == "pct")
    let gridWidths = table.child("tblGrid")?.children("gridCol").compactMap {
      Int($0.attributes["w"] ?? "")
    }
    #expect(gridWidths?.reduce(0, +) == 9360)
  }

  @Test func tableOfContentsIsPrefilledFromHeadings() throws {
    let docx = try DocxFixture.write(DocxFixture.sampleMarkdown)
    let xml = try DocxFixture.documentXML(docx)
    let tocParagraphs = xml.descendants("p").filter {
      ($0.child("pPr")?.child("pStyle")?.attributes["val"] ?? "").hasPrefix("TOC")
        && $0.child("pPr")?.child("pStyle")?.attributes["val"] != "TOCHeading"
    }
    #expect(
      tocParagraphs.map(DocxFixture.text(of:)) == ["Safe Pilot", "Scope", "Risks", "Sign-off"])
    let levels = tocParagraphs.map { $0.child("pPr")?.child("pStyle")?.attributes["val"] ?? "" }
    #expect(levels == ["TOC1", "TOC2", "TOC2", "TOC3"])
    let instructions = xml.descendants("instrText").map(\.text)
    #expect(instructions == [#" TOC \o "1-3" \h \z \u "#])
    let fieldChars = xml.descendants("fldChar").map { $0.attributes["fldCharType"] ?? "" }
    #expect(fieldChars == ["begin", "separate", "end"])
    let anchors = tocParagraphs.compactMap { $0.child("hyperlink")?.attributes["anchor"] }
    let bookmarks = xml.descendants("bookmarkStart").compactMap { $0.attributes["name"] }
    #expect(anchors == bookmarks)
  }

  @Test func heatMapCellsAreShadedByLevelAndKeepTheirText() throws {
    let docx = try DocxFixture.write(DocxFixture.sampleMarkdown)
    let xml = try DocxFixture.documentXML(docx)
    let heatMap = try #require(
      xml.descendants("tbl").first { DocxFixture.text(of: $0).contains("Critical") })
    var fills: [String: String] = [:]
    for cell in heatMap.descendants("tc") {
      fills[DocxFixture.text(of: cell)] = cell.child("tcPr")?.child("shd")?.attributes["fill"]
    }
    #expect(fills["Low"] == "C6EFCE")
    #expect(fills["Medium"] == "FFEB9C")
    #expect(fills["High"] == "F8CBAD")
    #expect(fills["Critical"] == "FF9999")
    #expect(fills["Likely"] == nil)
    #expect(fills["Minor"] == "D9D9D9")
    #expect(heatMap.child("tr")?.child("trPr")?.child("tblHeader") != nil)
  }

  @Test func plainTablesAreNotShaded() throws {
    let docx = try DocxFixture.write("| Level |\n|---|\n| High |\n")
    #expect(try DocxFixture.documentXML(docx).descendants("shd").isEmpty)
  }

  @Test func signatureTableBecomesSignOffBlocks() throws {
    let docx = try DocxFixture.write(DocxFixture.sampleMarkdown)
    let texts = DocxFixture.paragraphTexts(try DocxFixture.documentXML(docx))
    let blank = "________________________________"
    let start = try #require(texts.firstIndex(of: "Head of institution"))
    #expect(
      Array(texts[start..<start + 10]) == [
        "Head of institution", "Name: Jane Doe", "Title: Clerk", "Date: 2026-01-15",
        "Decision: Approved", "Privacy coordinator", "Name: \(blank)", "Title: \(blank)",
        "Date: \(blank)", "Decision: \(blank)",
      ])
    // The signature table itself is not rendered as a table.
    #expect(!texts.contains("Role"))
  }

  @Test func orderedListsRestartWithTheirOwnStart() throws {
    let docx = try DocxFixture.write("1. a\n2. b\n\npara\n\n5. c\n6. d\n\n- x\n- y\n")
    let numbering = try DocxPackage(data: docx).xml("word/numbering.xml")
    let nums = numbering.children("num")
    // Bullets (1), then one per numbered list from 4 (2 and 3 are for task items, unused here).
    #expect(nums.map { $0.attributes["numId"] } == ["1", "4", "5"])
    let starts = nums.dropFirst().map {
      $0.child("lvlOverride")?.child("startOverride")?.attributes["val"]
    }
    #expect(starts == ["1", "5"])
    let numIDs = try DocxFixture.documentXML(docx).descendants("numId").map {
      $0.attributes["val"] ?? ""
    }
    #expect(numIDs == ["4", "4", "5", "5", "1", "1"])
  }

  @Test func nestedListItemsUseDeeperLevels() throws {
    let docx = try DocxFixture.write("- a\n  - b\n    - c\n")
    let levels = try DocxFixture.documentXML(docx).descendants("ilvl").map {
      $0.attributes["val"] ?? ""
    }
    #expect(levels == ["0", "1", "2"])
  }

  @Test func hyperlinksAreExternalRelationships() throws {
    let docx = try DocxFixture.write(
      "[a](<https://x.org/p q>) [b](https://x.org/é) [c](https://x.org/é)\n")
    let rels = try DocxPackage(data: docx).xml("word/_rels/document.xml.rels")
    let links = rels.children("Relationship").filter { $0.attributes["TargetMode"] == "External" }
    #expect(
      links.map { $0.attributes["Target"] ?? "" } == [
        "https://x.org/p%20q", "https://x.org/%C3%A9",
      ])
    let ids = try DocxFixture.documentXML(docx).descendants("hyperlink").map {
      $0.attributes["id"] ?? ""
    }
    #expect(ids == ["rIdLink1", "rIdLink2", "rIdLink2"])
  }

  @Test func codeBlockLinesBecomeBreaks() throws {
    let docx = try DocxFixture.write("```\none\n\ttwo\n```\n")
    let xml = try DocxFixture.documentXML(docx)
    #expect(DocxFixture.paragraphTexts(xml) == ["one\n\ttwo"])
    #expect(xml.descendants("pStyle").first?.attributes["val"] == "Code")
  }

  @Test func pageBreakAndThematicBreak() throws {
    let docx = try DocxFixture.write("a\n\n<!-- pia:page-break -->\n\nb\n\n---\n")
    let xml = try DocxFixture.documentXML(docx)
    #expect(xml.descendants("br").map { $0.attributes["type"] } == ["page"])
    #expect(xml.descendants("pBdr").count == 1)
  }

  @Test func headerFooterAndCoreProperties() throws {
    let docx = try DocxFixture.write("# T\n")
    let package = try DocxPackage(data: docx)
    let header = DocxFixture.text(of: try package.xml("word/header1.xml"))
    #expect(header == "Town of Example · Safe Pilot PIA\tDraft")
    let footer = try package.xml("word/footer1.xml")
    #expect(
      footer.descendants("fldSimple").map { $0.attributes["instr"] } == [" PAGE ", " NUMPAGES "])
    #expect(DocxFixture.text(of: footer) == "Page 1 of 1\tmfippa-pia v3 · answers 1a2b3c4d5e6f")
    let core = try package.xml("docProps/core.xml")
    #expect(core.child("title")?.text == "Safe Pilot PIA")
    #expect(core.child("language")?.text == "en-CA")
    #expect(core.child("created")?.text == "2026-01-01T00:00:00Z")
    let styles = try package.xml("word/styles.xml")
    let lang = styles.child("docDefaults")?.child("rPrDefault")?.child("rPr")?.child("lang")
    #expect(lang?.attributes["val"] == "en-CA")
    let section = try #require(try package.xml("word/document.xml").child("body")?.children.last)
    #expect(section.name == "sectPr")
    #expect(section.child("pgSz")?.attributes["w"] == "12240")
    #expect(section.child("pgMar")?.attributes["left"] == "1440")
  }
}

@Suite struct URLTargetTests {
  @Test(arguments: [
    ("https://x.org/a b", "https://x.org/a%20b"),
    ("foo):", "foo)%3A"),
    ("mailto:a@b.org", "mailto:a@b.org"),
    ("http://e.com/?q=][x]", "http://e.com/?q=%5D%5Bx%5D"),
    ("100%", "100%25"),
    ("a%2Fb", "a%2Fb"),
    ("/path:x", "/path:x"),
  ])
  func targetsAreValidURIReferences(_ destination: String, _ expected: String) {
    #expect(URLTarget.encoded(destination) == expected)
  }
}

@Suite struct HostileAnswerDocxTests {
  @Test(arguments: MarkdownEscaperTests.hostile)
  func escapedAnswerRendersLiterallyInDocx(_ answer: String) throws {
    let markdown =
      "# Q\n\nAnswer: " + MarkdownEscaper.escapeInline(answer) + "\n\n| Question | Answer |\n"
      + "|---|---|\n| q | " + MarkdownEscaper.escapeTableCell(answer) + " |\n"
    let docx = try DocxFixture.write(markdown)
    let xml = try DocxFixture.documentXML(docx)
    let body = try #require(xml.child("body"))
    #expect(body.children.map(\.name) == ["p", "p", "tbl", "sectPr"])
    let paragraph = DocxFixture.text(of: body.children[1])
    #expect(paragraph.hasPrefix("Answer: " + MarkdownEscaperTests.expectedInline(answer)))
    let cells = body.children[2].descendants("tc").map(DocxFixture.text(of:))
    #expect(cells == ["Question", "Answer", "q", MarkdownEscaperTests.expectedCell(answer)])
  }
}
