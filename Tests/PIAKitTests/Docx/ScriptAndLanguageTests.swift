import Foundation
import Testing

@testable import PIAKit

/// Right-to-left and East Asian text: direction, language per script, theme fonts, --lang.
@Suite struct ScriptAndLanguageTests {
  /// The `w:r` elements of the first paragraph whose text contains `marker`.
  static func runs(_ docx: Data, containing marker: String) throws -> (XMLNode, [XMLNode]) {
    let document = try DocxFixture.documentXML(docx)
    let paragraph = try #require(
      document.descendants("p").first { DocxFixture.text(of: $0).contains(marker) })
    return (paragraph, paragraph.children("r"))
  }

  @Test func arabicParagraphIsRightToLeftWithArabicLanguage() throws {
    let docx = try DocxFixture.write(
      "# T\n\nمرحبا بالعالم. Hello **عالم**.\n\nEnglish first: مرحبا.\n")
    let (paragraph, runs) = try Self.runs(docx, containing: "Hello")
    #expect(paragraph.child("pPr")?.child("bidi") != nil)
    let marked = runs.map { run -> String in
      let properties = run.child("rPr")
      let rtl = properties?.child("rtl") != nil ? "rtl " : ""
      return rtl + (properties?.child("lang")?.attributes["bidi"] ?? "-") + " "
        + DocxFixture.text(of: run)
    }
    #expect(marked == ["rtl ar-SA مرحبا بالعالم. ", "- Hello ", "rtl ar-SA عالم", "- ."])
    let (english, _) = try Self.runs(docx, containing: "English first")
    #expect(english.child("pPr")?.child("bidi") == nil)
  }

  @Test func hebrewGetsHebrewAndTablesOfRightToLeftTextAreMirrored() throws {
    let docx = try DocxFixture.write(
      "| שם | Value |\n|---|---|\n| א | 1 |\n\n| A |\n|---|\n| b |\n")
    let document = try DocxFixture.documentXML(docx)
    let tables = document.child("body")?.children("tbl") ?? []
    #expect(tables.count == 2)
    #expect(tables[0].child("tblPr")?.child("bidiVisual") != nil)
    #expect(tables[1].child("tblPr")?.child("bidiVisual") == nil)
    let languages = document.descendants("lang").compactMap { $0.attributes["bidi"] }
    #expect(Set(languages) == ["he-IL"])
  }

  @Test func eastAsianRunsGetTheirLanguage() throws {
    let docx = try DocxFixture.write("中文文本 and 日本語のテキスト and 한국어 text\n")
    let (_, runs) = try Self.runs(docx, containing: "中文")
    let marked = runs.map {
      ($0.child("rPr")?.child("lang")?.attributes["eastAsia"] ?? "-") + " "
        + DocxFixture.text(of: $0)
    }
    #expect(
      marked == [
        "zh-CN 中文文本 ", "- and ", "ja-JP 日本語のテキスト ", "- and ", "ko-KR 한국어 ", "- text",
      ])
    let settings = try DocxPackage(data: docx).xml("word/settings.xml")
    #expect(settings.child("themeFontLang")?.attributes["eastAsia"] == "zh-CN")
  }

  @Test func themeGivesEastAsianAndComplexScriptFonts() throws {
    let package = try DocxPackage(data: try DocxFixture.write("# T\n"))
    let fonts = try package.xml("word/styles.xml").child("docDefaults")?.child("rPrDefault")?
      .child("rPr")?.child("rFonts")
    #expect(fonts?.attributes["eastAsiaTheme"] == "minorEastAsia")
    #expect(fonts?.attributes["cstheme"] == "minorBidi")
    #expect(fonts?.attributes["ascii"] == "Calibri")
    let theme = try package.xml("word/theme/theme1.xml")
    let minor = try #require(theme.descendants("minorFont").first)
    let scripts = Dictionary(
      uniqueKeysWithValues: minor.children("font").map {
        ($0.attributes["script"] ?? "", $0.attributes["typeface"] ?? "")
      })
    #expect(scripts["Jpan"] == "游明朝" && scripts["Hans"] == "等线" && scripts["Arab"] == "Arial")
    let relationships = try package.xml("word/_rels/document.xml.rels").children("Relationship")
    #expect(relationships.contains { $0.attributes["Target"] == "theme/theme1.xml" })
  }

  @Test func documentLanguageOption() throws {
    var options = DocxFixture.options
    options.language = "fr-CA"
    let package = try DocxPackage(data: try DocxFixture.write("# Portée\n", options: options))
    let language = try package.xml("word/styles.xml").child("docDefaults")?.child("rPrDefault")?
      .child("rPr")?.child("lang")
    #expect(language?.attributes["val"] == "fr-CA")
    #expect(try package.xml("docProps/core.xml").child("language")?.text == "fr-CA")
    #expect(
      try package.xml("word/settings.xml").child("themeFontLang")?.attributes["val"] == "fr-CA")
    #expect(
      try AccessibilityChecker.check(
        docx: try DocxFixture.write("# T\n", options: options), language: "fr-CA"
      ).isEmpty)
  }

  @Test func languagesOfTheDocumentScriptAreKept() {
    let arabic = ScriptLanguages(document: "fa-IR")
    #expect(arabic.rightToLeft(.arabic) == "fa-IR")
    #expect(arabic.rightToLeft(.hebrew) == "he-IL")
    let japanese = ScriptLanguages(document: "ja-JP")
    #expect(japanese.eastAsian(hasKana: false, hasHangul: false) == "ja-JP")
    #expect(
      ScriptLanguages(document: "zh-TW").eastAsian(hasKana: false, hasHangul: false) == "zh-TW")
    #expect(
      ScriptLanguages(document: "en-CA").eastAsian(hasKana: true, hasHangul: false) == "ja-JP")
  }

  /// The fast test never misses: when it says no analysis is needed, no character is
  /// right-to-left or East Asian.
  @Test func quickScriptTestNeverMissesAScript() {
    var generator = SplitMix64(seed: 7)
    let samples: [ClosedRange<UInt32>] = [
      0x20...0x7E, 0xA0...0x2FF, 0x590...0x8FF, 0x1100...0x11FF, 0x2000...0x2E7F, 0x2E80...0x9FFF,
      0xAC00...0xD7A3, 0xE000...0xE0FF, 0xF900...0xFFFD, 0x1F300...0x1F64F, 0x20000...0x2000F,
    ]
    for _ in 0..<4000 {
      var text = ""
      for _ in 0..<(Int(generator.next() % 6) + 1) {
        let range = samples[Int(generator.next() % UInt64(samples.count))]
        let value = range.lowerBound + UInt32(generator.next() % UInt64(range.count))
        if let scalar = Unicode.Scalar(value) { text.unicodeScalars.append(scalar) }
      }
      let needs = text.unicodeScalars.contains {
        let script = TextScript.of($0)
        return script.isRightToLeft || script.isEastAsian
      }
      if needs {
        #expect(TextScript.mayNeedAnalysis(text), "\(text.unicodeScalars.map { $0.value })")
      }
    }
    #expect(!TextScript.mayNeedAnalysis("Plain text — with “quotes”, café, naïve, 1–2 · ©"))
  }
}

/// The eight-bytes-at-a-time scans agree with a plain loop over every byte.
@Suite struct ByteScanTests {
  @Test func scansAgreeWithByteByByteLoops() {
    var generator = SplitMix64(seed: 11)
    let alphabet: [String] = [
      "a", "B", " ", "  ", "\t", "\n", "\r", "\u{1}", "\u{1F}", "é", "—", "’", "\u{FFFE}",
      "\u{FFFF}", "\u{EF}", "ï¿", "中", "ع", "א", "🙂", "\u{2E80}", "\u{E000}", "0.05",
    ]
    for _ in 0..<5000 {
      var text = ""
      for _ in 0..<Int(generator.next() % 40) {
        text += alphabet[Int(generator.next() % UInt64(alphabet.count))]
      }
      let slowTabs = text.utf8.contains { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
      #expect(BodyWriter.hasTabOrLineBreak(text) == slowTabs, "\(text.debugDescription)")
      let slowClean = text.unicodeScalars.allSatisfy(XMLText.isAllowed)
      #expect((XMLText.sanitized(text) == text) == slowClean, "\(text.debugDescription)")
      let slowScripts = text.unicodeScalars.contains {
        let script = TextScript.of($0)
        return script.isRightToLeft || script.isEastAsian
      }
      if slowScripts { #expect(TextScript.mayNeedAnalysis(text), "\(text.debugDescription)") }
      if !text.unicodeScalars.contains(where: {
        $0.value >= 0x580 && !(0x2000..<0x2E80).contains($0.value)
          && !(0xE000..<0xF000).contains($0.value)
      }) {
        #expect(!TextScript.mayNeedAnalysis(text), "\(text.debugDescription)")
      }
    }
  }
}
