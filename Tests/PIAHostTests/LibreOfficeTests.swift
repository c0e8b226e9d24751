import Foundation
import PIAKit
import Testing

@testable import PIAHost

@Suite struct LibreOfficeTests {
  static let office74 = LibreOffice(
    executable: URL(fileURLWithPath: "/usr/bin/soffice"), version: [7, 4, 7, 2])

  @Test func readsTheVersion() {
    #expect(LibreOffice.parseVersion("LibreOffice 7.4.7.2 40(Build:2)\n") == [7, 4, 7, 2])
    #expect(LibreOffice.parseVersion("LibreOffice 24.8.4.2 480(Build:2)") == [24, 8, 4, 2])
    #expect(LibreOffice.parseVersion("nothing here") == [])
  }

  @Test func filterOptionsAreTypedJSONFromVersion74() throws {
    let value = Self.office74.convertTo
    #expect(value.hasPrefix("pdf:writer_pdf_Export:{"))
    let json = try #require(value.split(separator: ":", maxSplits: 2).last)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: [String: String]])
    #expect(object["UseTaggedPDF"] == ["type": "boolean", "value": "true"])
    #expect(object["PDFUACompliance"]?["value"] == "true")
    #expect(object["ExportBookmarks"]?["value"] == "true")
    #expect(object["UseLosslessCompression"]?["value"] == "true")
    #expect(object["ReduceImageResolution"]?["value"] == "false")
  }

  @Test func olderVersionsTakeTheOptionsFromTheProfile() {
    let office = LibreOffice(executable: Self.office74.executable, version: [7, 1, 0])
    #expect(office.convertTo == "pdf:writer_pdf_Export")
    #expect(!office.supportsPDFUA)
    #expect(!office.registry.contains("PDFUACompliance"))
    #expect(
      office.registry.contains(
        "<prop oor:name=\"UseTaggedPDF\" oor:op=\"fuse\"><value>true</value></prop>"))
    #expect(Self.office74.registry.contains("oor:name=\"PDFUACompliance\""))
  }

  @Test func missingLibreOfficeIsNil() {
    #expect(LibreOffice.locate(environment: ["PIA_SOFFICE": "/nonexistent/soffice"]) == nil)
  }

  /// Converts two small documents in one run and checks the PDFs with poppler (CI installs both).
  @Test(.enabled(if: LibreOffice.locate() != nil && PDFAccessibilityChecker.locate() != nil))
  func convertsToTaggedPDFWithProperties() throws {
    let office = try #require(LibreOffice.locate())
    let date = Date(timeIntervalSince1970: 1_771_545_600)
    func docx(_ title: String) throws -> Data {
      let document = try MarkdownParser.parse("# \(title)\n\nText.\n\n## Part\n\nMore text.\n")
      return try DocxWriter.write(
        document,
        options: .init(
          title: title, subject: "Subject of \(title)", creator: "Town of Westbrook",
          language: "en-CA", created: date, modified: date))
    }
    let pdfs = try office.convertToPDF([
      .init(name: "first", docx: try docx("First report")),
      .init(name: "second", docx: try docx("Second report")),
    ])
    #expect(pdfs.count == 2)
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pia-lo-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let checker = try #require(PDFAccessibilityChecker.locate())
    for (index, pdf) in pdfs.enumerated() {
      let url = folder.appendingPathComponent("\(index).pdf")
      try pdf.write(to: url)
      #expect(try checker.check(url) == [])
      let info = try ProcessRunner.run(checker.pdfinfo, arguments: [url.path], timeLimit: 60)
      let fields = PDFAccessibilityChecker.fields(
        String(decoding: info.standardOutput, as: UTF8.self))
      #expect(fields["Title"] == (index == 0 ? "First report" : "Second report"))
      #expect(fields["Author"] == "Town of Westbrook")
      #expect(fields["Subject"]?.hasPrefix("Subject of") == true)
      #expect(fields["Tagged"] == "yes")
      #expect(PDFAccessibilityChecker.catalogLanguage(pdf) == "en-CA")
    }
  }

  @Test(.enabled(if: LibreOffice.locate() != nil))
  func aFileLibreOfficeCannotReadIsAFailure() throws {
    let office = try #require(LibreOffice.locate())
    #expect {
      _ = try office.convertToPDF([.init(name: "broken", docx: Data("not a zip".utf8))])
    } throws: { error in
      (error as? LibreOffice.Failure)?.message.hasPrefix("LibreOffice wrote no PDF for broken.docx")
        == true
    }
  }
}
