import Foundation
import Testing

@testable import PIAKit

@Suite struct AccessibilityCheckerTests {
  @Test func writerOutputPasses() throws {
    let docx = try DocxFixture.write(DocxFixture.sampleMarkdown)
    #expect(try AccessibilityChecker.check(docx: docx) == [])
    #expect(try AccessibilityChecker.report(docx: docx).passed)
  }

  @Test func skippedHeadingLevelIsReported() throws {
    let docx = try DocxFixture.write("# Top\n\n### Deep\n")
    let issues = try AccessibilityChecker.check(docx: docx)
    #expect(issues.map(\.kind) == [.headingLevelSkipped])
    #expect(issues.first?.message.contains("Deep") == true)
  }

  @Test func missingTitleAndWrongLanguageAreReported() throws {
    var options = DocxFixture.options
    options.title = " "
    options.language = "fr-CA"
    let docx = try DocxFixture.write("# T\n", options: options)
    let kinds = try AccessibilityChecker.check(docx: docx).map(\.kind)
    #expect(kinds == [.languageNotSet, .languageNotSet, .titleMissing])
  }

  @Test func unmarkedHeaderRowAndEmptyParagraphAreReported() throws {
    let good = try DocxFixture.write("# T\n\n| A |\n|---|\n| 1 |\n")
    let package = try DocxPackage(data: good)
    var parts: [(String, Data)] = []
    for name in package.entryNames {
      var data = try #require(try package.data(name))
      if name == "word/document.xml" {
        let xml = String(decoding: data, as: UTF8.self)
          .replacingOccurrences(of: "<w:tblHeader/>", with: "")
          .replacingOccurrences(
            of: "<w:body>", with: "<w:body><w:p/><w:p><w:r><w:t> </w:t></w:r></w:p>")
        data = Data(xml.utf8)
      }
      parts.append((name, data))
    }
    let broken = try DocxWriter.zip(parts, date: DocxFixture.date)
    let kinds = try AccessibilityChecker.check(docx: broken).map(\.kind)
    #expect(kinds == [.emptyParagraph, .emptyParagraph, .tableHeaderNotMarked])
  }

  @Test func notAZipIsAReadableError() {
    #expect(throws: DocxError.self) {
      try AccessibilityChecker.check(docx: Data("hello".utf8))
    }
  }
}
