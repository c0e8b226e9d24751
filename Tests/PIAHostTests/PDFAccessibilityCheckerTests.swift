import Foundation
import Testing

@testable import PIAHost

@Suite struct PDFAccessibilityCheckerTests {
  static let goodInfo = """
    Title:           Appendix X – Privacy Impact Assessment Summary
    Author:          Town of Westbrook
    Tagged:          yes
    Pages:           3
    Encrypted:       no

    """
  static let goodFonts = """
    name                                 type              encoding         emb sub uni object ID
    ------------------------------------ ----------------- ---------------- --- --- --- ---------
    BAAAAA+Carlito                       TrueType          WinAnsi          yes yes yes     11  0
    CAAAAA+Carlito-Bold                  TrueType          WinAnsi          yes yes yes     16  0

    """
  static let outline = "<pdf2xml>\n<outline>\n<item page=\"1\">Appendix X</item>\n</outline>\n"

  @Test func aGoodPDFPasses() {
    #expect(
      PDFAccessibilityChecker.issues(
        pdfinfo: Self.goodInfo, pdffonts: Self.goodFonts, outlineXML: Self.outline,
        language: "en-CA", text: "Appendix X") == [])
  }

  @Test func eachProblemIsReported() {
    let info = "Title:           \nTagged:          no\nPages:           12\n"
    let fonts =
      Self.goodFonts
      + "Helvetica                            Type 1            Custom           no  no  no       7  0\n"
    let issues = PDFAccessibilityChecker.issues(
      pdfinfo: info, pdffonts: fonts, outlineXML: "<pdf2xml>\n</pdf2xml>\n", language: nil,
      text: " \n\u{0C}")
    #expect(
      issues.map(\.kind) == [
        .notTagged, .titleMissing, .languageNotSet, .noBookmarks, .fontNotEmbedded, .noText,
      ])
    #expect(issues[3].message == "12 pages and no bookmarks: export bookmarks from the headings")
    #expect(issues[4].message == "font not embedded: Helvetica")
  }

  @Test func aOnePageDocumentNeedsNoBookmarks() {
    let info = Self.goodInfo.replacingOccurrences(
      of: "Pages:           3", with: "Pages:           1")
    #expect(
      PDFAccessibilityChecker.issues(
        pdfinfo: info, pdffonts: Self.goodFonts, outlineXML: "", language: "fr-CA", text: "x")
        == [])
  }

  @Test func readsTheCatalogLanguage() {
    func pdf(_ body: String) -> Data { Data("%PDF-1.6\n\(body)\ntrailer\n%%EOF\n".utf8) }
    #expect(
      PDFAccessibilityChecker.catalogLanguage(
        pdf("5 0 obj\n<</Type/Catalog/Pages 1 0 R\n/Lang(en-CA)>>\nendobj")) == "en-CA")
    #expect(
      PDFAccessibilityChecker.catalogLanguage(
        pdf("5 0 obj\n<< /Type /Catalog /Lang <FEFF00660072002D00430041> >>\nendobj")) == "fr-CA")
    // A /Lang in another object does not count.
    #expect(
      PDFAccessibilityChecker.catalogLanguage(
        pdf("4 0 obj\n<</Lang(en)>>\nendobj\n5 0 obj\n<</Type/Catalog/Pages 1 0 R>>\nendobj"))
        == nil)
    #expect(PDFAccessibilityChecker.catalogLanguage(pdf("5 0 obj\n<</Type/ObjStm>>\nendobj")) == "")
  }

  @Test func refusesAFileThatIsNotAPDF() throws {
    let checker = PDFAccessibilityChecker(
      pdfinfo: URL(fileURLWithPath: "/bin/true"), pdffonts: URL(fileURLWithPath: "/bin/true"),
      pdftohtml: URL(fileURLWithPath: "/bin/true"), pdftotext: URL(fileURLWithPath: "/bin/true"))
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("pia-\(UUID()).pdf")
    try Data("PK\u{3}\u{4}".utf8).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    #expect {
      _ = try checker.check(url)
    } throws: { error in
      (error as? PDFAccessibilityChecker.Failure)?.message.hasSuffix(
        "is not a PDF (it does not start with %PDF-)")
        == true
    }
  }
}
