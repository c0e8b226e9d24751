import Foundation
import Testing

@testable import PIAKit

/// A long body is written as two halves on two threads (``BodyPart``); it must read as the
/// body one writer writes.
@Suite struct BodyPartTests {
  static func markdown(sections: Int, linkEvery: Int) -> String {
    var text = "# Report\n\n<!-- pia:toc -->\n\n"
    for number in 1...sections {
      text += "## Section \(number)\n\n"
      if number % linkEvery == 0 {
        text += "See [the IPC](https://www.ipc.on.ca/\(number % 3)) and *more*.\n\n"
      }
      text += "1. first\n2. second\n   1. nested\n\n- bullet\n\n"
      text += "<!-- pia:heat-map -->\n| Level | Count |\n| --- | --- |\n"
      text += (1...8).map { "| High | \($0) |\n" }.joined() + "\n"
      text += "> ### Quoted heading \(number)\n\n"
    }
    return text
  }

  static func xml(_ part: Deflater.Compressed) throws -> String {
    var zip = ZipWriter(modified: DocxFixture.date)
    try zip.add("word/document.xml", part)
    let data = try DocxPackage(data: try zip.finish()).data("word/document.xml") ?? Data()
    return String(decoding: data, as: UTF8.self)
  }

  @Test func halvesJoinToTheSameXMLAsOneWriter() throws {
    let document = try MarkdownParser.parse(Self.markdown(sections: 80, linkEvery: 1_000))
    let whole = try BodyPart.write(document, parallelWeight: .max)
    let split = try BodyPart.write(document, parallelWeight: 0)
    #expect(try Self.xml(split.compressed) == Self.xml(whole.compressed))
    #expect(split.compressed.crc32 == whole.compressed.crc32)
    #expect(split.orderedLists == whole.orderedLists)
    #expect(split.compressed.bytes != whole.compressed.bytes)  // two streams really were joined
  }

  @Test func linksInBothHalvesHaveRelationships() throws {
    let document = try MarkdownParser.parse(Self.markdown(sections: 80, linkEvery: 7))
    let split = try BodyPart.write(document, parallelWeight: 0)
    let xml = try Self.xml(split.compressed)
    let ids = Set(split.hyperlinks.map(\.id))
    #expect(ids.count == split.hyperlinks.count)
    #expect(ids.contains("rIdLink1") && ids.contains("rIdLinkB1"))
    let used = xml.components(separatedBy: "r:id=\"").dropFirst().map {
      String($0.prefix { $0 != "\"" })
    }.filter { $0.hasPrefix("rIdLink") }
    #expect(!used.isEmpty)
    #expect(used.allSatisfy(ids.contains))
    let docx = try DocxWriter.write(document, options: DocxFixture.options, parallelWeight: 0)
    #expect(try AccessibilityChecker.check(docx: docx).isEmpty)
  }

  @Test func aFirstHalfThatWritesNothingStillJoins() throws {
    let emptyList = Block.list(List(ordered: false, start: 1, tight: true, items: []))
    let document = Document(blocks: [emptyList, .paragraph([.text("after")])])
    let whole = try BodyPart.write(document, parallelWeight: .max)
    let split = try BodyPart.write(document, parallelWeight: 0)
    #expect(try Self.xml(split.compressed) == Self.xml(whole.compressed))
  }

  @Test func neverCutsBetweenADirectiveAndItsTable() {
    let table = Block.table(Table(alignments: [.none], header: [[.text("a")]], rows: []))
    let blocks: [Block] = [.paragraph([.text("x")]), .directive(.heatMap), table, table]
    for weight in 0...4 {
      guard let cut = BodyPart.cutIndex(blocks, parallelWeight: weight) else { continue }
      #expect(cut != 2)
      #expect((1..<blocks.count).contains(cut))
    }
  }

  /// Footnotes, bookmarks, numbered lists and pictures in both halves: numbered as one writer
  /// numbers them, every note written once per reference, every id used once.
  @Test func footnotesBookmarksAndPicturesCarryOnAcrossTheHalves() throws {
    var markdown = "# Report\n\n<!-- pia:toc -->\n\n"
    for number in 1...120 {
      markdown += "## Section \(number)\n\nText[^n\(number % 7)] and ![chart](c.gif).\n\n"
      markdown += "See [the top](#report) and [section 1](#section-1).\n\n1. one\n2. two\n\n"
      markdown +=
        "| Level | Count |\n| --- | --- |\n" + (1...6).map { "| High | \($0) |\n" }.joined()
      markdown += "\n"
    }
    for note in 0..<7 { markdown += "[^n\(note)]: Note \(note) with **bold**.\n" }
    let document = try MarkdownParser.parse(markdown)
    #expect(BodyPart.cutIndex(document.blocks, parallelWeight: 0) != nil)
    let images = ImageSource.inMemory(["c.gif": ImageData(bytes: ImageFixtures.gif())])
    let whole = try DocxWriter.write(
      document, options: DocxFixture.options, images: images, parallelWeight: .max)
    let split = try DocxWriter.write(
      document, options: DocxFixture.options, images: images, parallelWeight: 0)
    let wholePackage = try DocxPackage(data: whole.data)
    let splitPackage = try DocxPackage(data: split.data)
    #expect(
      try splitPackage.data("word/document.xml") == (try wholePackage.data("word/document.xml")))
    #expect(
      try splitPackage.data("word/footnotes.xml") == (try wholePackage.data("word/footnotes.xml")))
    #expect(
      try splitPackage.data("word/numbering.xml") == (try wholePackage.data("word/numbering.xml")))
    let body = try splitPackage.xml("word/document.xml")
    let bookmarkIDs = body.descendants("bookmarkStart").compactMap { $0.attributes["id"] }
    #expect(bookmarkIDs.count == 121 && Set(bookmarkIDs).count == 121)
    let names = Set(body.descendants("bookmarkStart").compactMap { $0.attributes["name"] })
    let anchors = body.descendants("hyperlink").compactMap { $0.attributes["anchor"] }
    #expect(anchors.count == 121 + 240 && anchors.allSatisfy(names.contains))
    let references = body.descendants("footnoteReference").compactMap { $0.attributes["id"] }
    #expect(references == (1...120).map(String.init))
    let notes = try splitPackage.xml("word/footnotes.xml").children("footnote")
    #expect(notes.count == 122)
    #expect(DocxFixture.text(of: notes[2 + 119]) == " Note \(120 % 7) with bold.")
    let drawingIDs = body.descendants("docPr").compactMap { $0.attributes["id"] }
    #expect(drawingIDs == (1...120).map(String.init))
  }
}
