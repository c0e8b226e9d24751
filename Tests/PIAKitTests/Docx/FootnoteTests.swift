import Foundation
import Testing

@testable import PIAKit

/// Footnotes become Word footnotes (`word/footnotes.xml`), one per reference, in order.
@Suite struct FootnoteTests {
  static let markdown = """
    # Notes

    The IPC says so[^ipc], and the Act too[^act]. Again[^ipc].

    [^ipc]: See the [IPC's guidance](https://www.ipc.on.ca/) on **consent**.
    [^act]: https://www.ontario.ca/laws/statute/90m56
    """

  @Test func notesAreRealFootnotesInReferenceOrder() throws {
    let docx = try DocxFixture.write(Self.markdown)
    let package = try DocxPackage(data: docx)
    let document = try package.xml("word/document.xml")
    let references = document.descendants("footnoteReference").map { $0.attributes["id"] ?? "" }
    #expect(references == ["1", "2", "3"])
    // No "[^ipc]" text and no trailing paragraph of notes in the body.
    let texts = DocxFixture.paragraphTexts(document)
    #expect(texts == ["Notes", "The IPC says so, and the Act too. Again."])
    let notes = try package.xml("word/footnotes.xml").children("footnote")
    #expect(notes.map { $0.attributes["id"] ?? "" } == ["-1", "0", "1", "2", "3"])
    #expect(
      notes.prefix(2).map { $0.attributes["type"] } == ["separator", "continuationSeparator"])
    let noteTexts = notes.dropFirst(2).map { DocxFixture.text(of: $0) }
    #expect(
      noteTexts == [
        " See the IPC's guidance on consent.", " https://www.ontario.ca/laws/statute/90m56",
        " See the IPC's guidance on consent.",
      ])
    // Each note starts with its number mark; formatting and links are kept.
    #expect(notes[2].descendants("footnoteRef").count == 1)
    #expect(notes[2].descendants("b").count == 1)
    let link = try #require(notes[2].descendants("hyperlink").first?.attributes["id"])
    let relationships = try package.xml("word/_rels/footnotes.xml.rels").children("Relationship")
    #expect(
      relationships.first { $0.attributes["Id"] == link }?.attributes["Target"]
        == "https://www.ipc.on.ca/")
    // A note that is only a URL keeps it, as a link.
    #expect(notes[3].descendants("hyperlink").count == 1)
  }

  @Test func packageDeclaresTheFootnotesPart() throws {
    let package = try DocxPackage(data: try DocxFixture.write(Self.markdown))
    #expect(package.entryNames.contains("word/footnotes.xml"))
    let overrides = try package.xml("[Content_Types].xml").children("Override")
    #expect(overrides.contains { $0.attributes["PartName"] == "/word/footnotes.xml" })
    let relationships = try package.xml("word/_rels/document.xml.rels").children("Relationship")
    #expect(relationships.contains { $0.attributes["Target"] == "footnotes.xml" })
    let settings = try package.xml("word/settings.xml")
    #expect(settings.child("footnotePr")?.children("footnote").count == 2)
    let styles = try package.xml("word/styles.xml").children("style").compactMap {
      $0.attributes["styleId"]
    }
    #expect(styles.contains("FootnoteText") && styles.contains("FootnoteReference"))
  }

  @Test func documentsWithoutNotesHaveNoFootnotesPart() throws {
    let package = try DocxPackage(data: try DocxFixture.write("# T\n\nNo notes[^x].\n"))
    #expect(!package.entryNames.contains("word/footnotes.xml"))
    #expect(try package.xml("word/settings.xml").child("footnotePr") == nil)
  }

  @Test func aReferenceInsideANoteIsItsNumber() throws {
    let docx = try DocxFixture.write("A[^a] B[^b]\n\n[^a]: See also[^b].\n[^b]: Second.\n")
    let notes = try DocxPackage(data: docx).xml("word/footnotes.xml")
    #expect(notes.descendants("footnoteReference").isEmpty)
    #expect(DocxFixture.text(of: notes).contains("See also2."))
  }
}
