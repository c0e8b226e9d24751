import Foundation
import Testing

@testable import PIAKit

/// The small inputs in `Fixtures/convert/`, one per behaviour of the converter: each keeps the
/// text its `.expect` file lists, in the .docx read back. CI renders the same inputs with
/// LibreOffice and checks the PDF's text against the same lists (scripts/check-convert.sh).
@Suite struct ConvertFixtureTests {
  static let folder = RepositoryPaths.fixtures.appendingPathComponent("convert")

  static var names: [String] {
    let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return files.filter { $0.hasSuffix(".md") && $0 != "README.md" }.map { String($0.dropLast(3)) }
      .sorted()
  }

  /// Images from files beside the fixture, as `pia convert` reads them.
  static let images = ImageSource { reference in
    let url = folder.appendingPathComponent(reference.source)
    guard let data = FileManager.default.contents(atPath: url.path) else {
      return .unavailable("no such file")
    }
    let png = url.deletingPathExtension().appendingPathExtension("png")
    let fallback = url.pathExtension == "svg" ? FileManager.default.contents(atPath: png.path) : nil
    return .found(ImageData(bytes: data, pngFallback: fallback))
  }

  static func collapsed(_ text: String) -> String {
    text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  @Test func everyBehaviourHasAnInput() {
    #expect(
      Self.names == [
        "east-asian", "footnotes", "heading-links", "html", "images", "lists", "right-to-left",
        "task-lists", "utf16", "wide-table",
      ])
  }

  @Test(arguments: names)
  func inputKeepsItsText(name: String) throws {
    let data = try Data(contentsOf: Self.folder.appendingPathComponent("\(name).md"))
    let markdown = try MarkdownSource.text(of: data, file: "\(name).md")
    let parsed = try MarkdownParser.parse(markdown, file: "\(name).md")
    var options = DocxFixture.options
    options.sourceName = "\(name).md"
    let output = try DocxWriter.write(parsed.document, options: options, images: Self.images)
    let package = try DocxPackage(data: output.data)
    var paragraphs = try package.xml("word/document.xml").descendants("p")
    paragraphs += try package.optionalXML("word/footnotes.xml")?.descendants("p") ?? []
    var markers = ListMarkers(try package.xml("word/numbering.xml"))
    let collapsed = Self.collapsed(
      paragraphs.map { markers.next(for: $0) + DocxFixture.text(of: $0) }.joined(separator: " "))
    let expectations = try String(
      contentsOf: Self.folder.appendingPathComponent("\(name).expect"), encoding: .utf8)
    for line in expectations.split(separator: "\n") where !line.isEmpty {
      if line.hasPrefix("!") {
        let phrase = Self.collapsed(String(line.dropFirst()))
        #expect(!collapsed.contains(phrase), "\(name): \(phrase) should not be in \(collapsed)")
      } else {
        let phrase = Self.collapsed(String(line))
        #expect(collapsed.contains(phrase), "\(name): \(phrase) missing from \(collapsed)")
      }
    }
    // Every input is a document the accessibility check passes.
    #expect(try AccessibilityChecker.check(docx: output.data) == [], "\(name)")
  }
}

/// The list markers a reader sees, from `word/numbering.xml`: `•`, `☒`, `7)`, `1000.`.
struct ListMarkers {
  private var levels: [String: [String: (format: String, text: String, start: Int)]] = [:]
  private var starts: [String: [String: Int]] = [:]
  private var counters: [String: Int] = [:]

  init(_ numbering: XMLNode) {
    var abstracts: [String: [String: (String, String, Int)]] = [:]
    for abstract in numbering.children("abstractNum") {
      var byLevel: [String: (String, String, Int)] = [:]
      for level in abstract.children("lvl") {
        byLevel[level.attributes["ilvl"] ?? ""] = (
          level.child("numFmt")?.attributes["val"] ?? "",
          level.child("lvlText")?.attributes["val"] ?? "",
          Int(level.child("start")?.attributes["val"] ?? "") ?? 1
        )
      }
      abstracts[abstract.attributes["abstractNumId"] ?? ""] = byLevel
    }
    for num in numbering.children("num") {
      let id = num.attributes["numId"] ?? ""
      levels[id] = abstracts[num.child("abstractNumId")?.attributes["val"] ?? ""] ?? [:]
      for override in num.children("lvlOverride") {
        if let start = override.child("startOverride")?.attributes["val"].flatMap({ Int($0) }) {
          starts[id, default: [:]][override.attributes["ilvl"] ?? ""] = start
        }
      }
    }
  }

  /// The marker of `paragraph` and a space, or "" when it is not a list item.
  mutating func next(for paragraph: XMLNode) -> String {
    guard let numbering = paragraph.child("pPr")?.child("numPr"),
      let id = numbering.child("numId")?.attributes["val"],
      let level = numbering.child("ilvl")?.attributes["val"],
      let definition = levels[id]?[level]
    else { return "" }
    guard definition.format == "decimal" else { return definition.text + " " }
    let key = "\(id)/\(level)"
    let number = counters[key] ?? starts[id]?[level] ?? definition.start
    counters[key] = number + 1
    return definition.text.replacingOccurrences(
      of: "%\((Int(level) ?? 0) + 1)", with: String(number)) + " "
  }
}
