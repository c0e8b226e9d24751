import Foundation
import Testing

@testable import PIAKit

/// The checks added for the converter: where the document starts, alt text, script and language.
@Suite struct AccessibilityChecksTests {
  @Test func documentStartingBelowLevelOneIsReported() throws {
    let issues = try AccessibilityChecker.check(docx: try DocxFixture.write("## Scope\n\nText.\n"))
    #expect(issues.map(\.kind) == [.firstHeadingBelowLevelOne])
    #expect(
      issues.first?.message
        == "the document starts with a level 2 heading (\"Scope\"); start with a level 1 heading")
  }

  @Test func picturesWithoutAltTextAreReported() throws {
    let output = try DocxWriter.write(
      try MarkdownParser.parse("# T\n\n![](a.gif) ![Logo](a.gif)\n"), options: DocxFixture.options,
      images: .inMemory(["a.gif": ImageData(bytes: ImageFixtures.gif())]))
    let issues = try AccessibilityChecker.check(docx: output.data)
    #expect(issues.map(\.kind) == [.imageWithoutAltText])
    #expect(
      issues.first?.message.hasPrefix("picture 1 (image1.gif) has no alternative text") == true)
  }

  @Test func textInAnotherScriptThanItsLanguageIsReported() throws {
    let docx = try DocxFixture.write(
      "# T\n\nПривет, мир. Это текст.\n\nЕщё один абзац.\n\nΚαλημέρα κόσμε.\n\nEnglish with one слово.\n"
    )
    let issues = try AccessibilityChecker.check(docx: docx)
    #expect(issues.map(\.kind) == [.scriptDoesNotMatchLanguage, .scriptDoesNotMatchLanguage])
    #expect(
      issues.first?.message
        == "2 paragraphs in Cyrillic script marked as en-CA, a language not written in it (first:"
        + " \"Привет, мир. Это текст.\"); convert with --lang for a document in that language, or"
        + " set the language of that text")
    #expect(issues.last?.message.hasPrefix("1 paragraph in Greek script") == true)
    var russian = DocxFixture.options
    russian.language = "ru-RU"
    let marked = try DocxFixture.write("# Заголовок\n\nПривет, мир.\n", options: russian)
    #expect(try AccessibilityChecker.check(docx: marked, language: "ru-RU").isEmpty)
  }

  @Test func rightToLeftAndEastAsianTextTheWriterMarksPasses() throws {
    let docx = try DocxFixture.write(
      "# T\n\nمرحبا بالعالم\n\nשלום עולם\n\n中文文本\n\n日本語のテキスト\n\n한국어 텍스트\n")
    #expect(try AccessibilityChecker.check(docx: docx).isEmpty)
  }

  @Test func unmarkedArabicInAnotherProgramsFileIsReported() throws {
    // Arabic text with only the document's English defaults: no bidi language at all.
    let good = try DocxFixture.write("# T\n\nplaceholder\n")
    let package = try DocxPackage(data: good)
    var parts: [(String, Data)] = []
    for name in package.entryNames {
      var data = try #require(try package.data(name))
      if name == "word/document.xml" {
        data = Data(
          String(decoding: data, as: UTF8.self)
            .replacingOccurrences(of: "placeholder", with: "مرحبا بالعالم").utf8)
      } else if name == "word/styles.xml" {
        data = Data(
          String(decoding: data, as: UTF8.self)
            .replacingOccurrences(of: "w:bidi=\"ar-SA\"", with: "w:bidi=\"en-CA\"").utf8)
      }
      parts.append((name, data))
    }
    let issues = try AccessibilityChecker.check(
      docx: try DocxWriter.zip(parts, date: DocxFixture.date))
    #expect(issues.map(\.kind) == [.scriptDoesNotMatchLanguage])
    #expect(issues.first?.message.hasPrefix("1 paragraph in Arabic script marked as en-CA") == true)
  }
}
